// The config dialog applies core's own field rules (shown when, required, value checks), so the
// editor cannot disagree with what the runtime validates and sends.
import type { CredentialValues, FieldDef, FieldValue } from '@switchboard/core/profiles/types';
import { fieldProblem } from '@switchboard/core/profiles/validate';
import { isFieldActive } from '@switchboard/core/profiles/values';
import { fieldOptionKey, fieldTextKey } from './keys';
import type { ConfigMeta, DialogField, Translate } from './meta';

export function fieldDefinition(provider: string, field: DialogField, t: Translate): FieldDef {
  const { options, placeholder, ...facts } = field;
  return {
    ...facts,
    displayName: t(fieldTextKey(provider, field.name, 'label')),
    ...(placeholder ? { placeholder: t(fieldTextKey(provider, field.name, 'placeholder')) } : {}),
    ...(options
      ? {
          options: options.map((value) => ({
            value,
            name: t(fieldOptionKey(provider, field.name, value)),
          })),
        }
      : {}),
  };
}

export function fieldDefinitions(meta: ConfigMeta, t: Translate): FieldDef[] {
  return meta.fields.map((field) => fieldDefinition(meta.provider, field, t));
}

/** A value as the editor holds it (text, number, checkbox, list), or undefined. */
export function asFieldValue(value: unknown): FieldValue | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  return undefined;
}

export function isShown(fields: FieldDef[], values: CredentialValues, field: FieldDef): boolean {
  return isFieldActive({ fields }, values, field);
}

/** True, or "<label> <problem>" as core phrases it, for a shown field. */
export function fieldVerdict(
  fields: FieldDef[],
  values: CredentialValues,
  field: FieldDef,
): true | string {
  if (!isShown(fields, values, field)) return true;
  const problem = fieldProblem(field, values[field.name] ?? field.default);
  return problem === undefined ? true : `${field.displayName} ${problem}`;
}
