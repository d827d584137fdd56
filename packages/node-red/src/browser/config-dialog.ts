// The connection (config node) dialog: rows shown by the profile's displayWhen rules, the
// token-store rows, a collapsible advanced section and the Test connection button.
import type { CredentialValues, FieldDef } from '@switchboard/core/profiles/types';
import { valueToText } from '@switchboard/core/profiles/values';
import { configInput, inputValue } from './dialog-input';
import { asFieldValue, fieldDefinitions, fieldVerdict, isShown } from './field-rules';
import type { ConfigMeta } from './meta';
import { testConnection } from './test-connection';
import { translator } from './translate';

function storedValue(node: SwitchboardEditorNode, meta: ConfigMeta, name: string): unknown {
  const field = meta.fields.find((candidate) => candidate.name === name);
  if (!field) return undefined;
  return field.secret ? node.credentials?.[name] : node[name];
}

/** The dialog's values where it is open, the node's stored ones otherwise (validation on load). */
function currentValues(node: SwitchboardEditorNode, meta: ConfigMeta): CredentialValues {
  const values: CredentialValues = {};
  for (const field of meta.fields) {
    const input = configInput(field.name);
    values[field.name] = input.length
      ? inputValue(input)
      : asFieldValue(storedValue(node, meta, field.name));
  }
  return values;
}

export function validField(
  node: SwitchboardEditorNode,
  meta: ConfigMeta,
  name: string,
  value: unknown,
): true | string {
  const fields = fieldDefinitions(meta, translator(node));
  const field = fields.find((candidate) => candidate.name === name);
  if (!field) return true;
  const values = { ...currentValues(node, meta), [name]: asFieldValue(value) };
  return fieldVerdict(fields, values, field);
}

/** What Test connection sends: the profile fields in the dialog and the token store. */
export function dialogValues(meta: ConfigMeta): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of meta.fields) {
    const input = configInput(field.name);
    if (input.length) values[field.name] = inputValue(input);
  }
  values.tokenStore = configInput('tokenStore').val();
  return values;
}

function refreshRows(meta: ConfigMeta, fields: FieldDef[]): void {
  const values: CredentialValues = {};
  for (const field of meta.fields) values[field.name] = inputValue(configInput(field.name));
  for (const field of fields) {
    $(`.switchboard-field-${field.name}`).toggle(isShown(fields, values, field));
  }
  const store = configInput('tokenStore').val();
  $('.switchboard-store-file').toggle(store === 'file');
  $('.switchboard-store-redis').toggle(store === 'redis');
  $('.switchboard-store-key').toggle(store === 'file' || store === 'redis');
}

/**
 * Advanced rows start folded unless one of them holds something other than its default, or
 * something wrong (so a problem is never hidden).
 */
function prepareAdvanced(node: SwitchboardEditorNode, meta: ConfigMeta, fields: FieldDef[]): void {
  const values = currentValues(node, meta);
  const open = fields.some(
    (field) =>
      field.advanced === true &&
      ((!field.secret &&
        valueToText(asFieldValue(node[field.name])) !== valueToText(field.default)) ||
        fieldVerdict(fields, values, field) !== true),
  );
  const section = $('.switchboard-advanced');
  const toggle = $('#switchboard-advanced-toggle');
  const show = (open: boolean): void => {
    section.toggle(open);
    toggle.toggleClass('switchboard-open', open);
  };
  show(open);
  toggle.on('click', (event) => {
    event.preventDefault();
    show(!toggle.is('.switchboard-open'));
  });
}

export function prepareConfig(node: SwitchboardEditorNode, meta: ConfigMeta): void {
  const fields = fieldDefinitions(meta, translator(node));
  const watched = new Set<string>(['tokenStore']);
  for (const field of meta.fields) {
    for (const name of Object.keys(field.displayWhen ?? {})) watched.add(name);
  }
  for (const name of watched) configInput(name).on('change', () => refreshRows(meta, fields));
  refreshRows(meta, fields);
  prepareAdvanced(node, meta, fields);
  $('#switchboard-test-connection').on('click', (event) => {
    event.preventDefault();
    testConnection(node, meta, dialogValues(meta));
  });
}
