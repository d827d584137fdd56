// The en-US message catalogues (locales/en-US/<node file>.json): the fixed texts kept in
// packages/node-red/locales/en-US, plus the provider texts drawn from the profiles at build time
// under the keys of ../browser/keys (the same keys the templates and the browser code read).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FieldDef, OperationDef, ProviderProfile } from '@switchboard/core';
import {
  fieldOptionKey,
  fieldTextKey,
  operationTextKey,
  paletteLabelKey,
  parameterOptionKey,
  parameterTextKey,
  resourceKey,
} from '../browser/keys';

export interface Catalogue {
  [key: string]: string | Catalogue;
}

export const STATIC_LOCALES = join(__dirname, '..', '..', 'locales', 'en-US');

/** The fixed texts of a node file; a node file without its own JSON has none. */
export function staticCatalogue(file: string): Catalogue {
  const path = join(STATIC_LOCALES, `${file}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Catalogue) : {};
}

/** Sets a dotted key; two different texts under one key (a name clash after keySegment) throw. */
export function setText(catalogue: Catalogue, key: string, text: string): void {
  const path = key.split('.');
  const leaf = path.pop() as string;
  let node = catalogue;
  for (const segment of path) {
    const next = node[segment] ?? {};
    if (typeof next === 'string') throw new Error(`catalogue key "${key}" runs through a text`);
    node[segment] = next;
    node = next;
  }
  const existing = node[leaf];
  if (existing !== undefined && existing !== text) {
    throw new Error(
      `catalogue key "${key}" would hold two texts: "${String(existing)}", "${text}"`,
    );
  }
  node[leaf] = text;
}

/** Looks a dotted key up; undefined when it is missing or not a text. */
export function lookUp(catalogue: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const segment of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[segment];
  }
  return typeof node === 'string' ? node : undefined;
}

function addFieldTexts(catalogue: Catalogue, provider: string, field: FieldDef): void {
  setText(catalogue, fieldTextKey(provider, field.name, 'label'), field.displayName);
  if (field.placeholder) {
    setText(catalogue, fieldTextKey(provider, field.name, 'placeholder'), field.placeholder);
  }
  if (field.description) {
    setText(catalogue, fieldTextKey(provider, field.name, 'help'), field.description);
  }
  for (const option of field.options ?? []) {
    setText(catalogue, fieldOptionKey(provider, field.name, option.value), option.name);
  }
}

function addOperationTexts(catalogue: Catalogue, provider: string, operation: OperationDef): void {
  setText(catalogue, operationTextKey(provider, operation.id, 'label'), operation.displayName);
  setText(
    catalogue,
    operationTextKey(provider, operation.id, 'description'),
    operation.description,
  );
  for (const parameter of operation.parameters) {
    const key = (part: 'label' | 'placeholder' | 'help'): string =>
      parameterTextKey(provider, operation.id, parameter.name, part);
    setText(catalogue, key('label'), parameter.displayName);
    if (parameter.placeholder) setText(catalogue, key('placeholder'), parameter.placeholder);
    if (parameter.description) setText(catalogue, key('help'), parameter.description);
    for (const option of parameter.options ?? []) {
      setText(
        catalogue,
        parameterOptionKey(provider, operation.id, parameter.name, option.value),
        option.name,
      );
    }
  }
}

export function configCatalogue(profiles: readonly ProviderProfile[]): Catalogue {
  const catalogue = staticCatalogue('switchboard-config');
  for (const profile of profiles) {
    setText(catalogue, paletteLabelKey(profile.id), profile.displayName);
    for (const field of profile.fields) addFieldTexts(catalogue, profile.id, field);
  }
  return catalogue;
}

export function apiCatalogue(profiles: readonly ProviderProfile[]): Catalogue {
  const catalogue = staticCatalogue('switchboard-api');
  for (const profile of profiles) {
    setText(catalogue, paletteLabelKey(profile.id), profile.displayName);
    for (const resource of profile.resources) {
      setText(catalogue, resourceKey(profile.id, resource.value), resource.name);
    }
    for (const operation of profile.operations) addOperationTexts(catalogue, profile.id, operation);
  }
  return catalogue;
}
