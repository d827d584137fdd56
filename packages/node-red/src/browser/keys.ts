// Message-catalogue keys of the texts drawn from the provider profiles. The catalogue generator
// (build time) and the browser code both build keys here, so a key written is a key read.

/** i18next reads `.` as nesting, so names and ids (operation ids have dots) become one segment. */
export function keySegment(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_');
}

function providerKey(provider: string, ...path: string[]): string {
  return ['providers', provider, ...path].map(keySegment).join('.');
}

export type FieldTextPart = 'label' | 'placeholder' | 'help';

/** Palette label and default node label of the provider's nodes ("Mitel CloudLink"). */
export function paletteLabelKey(provider: string): string {
  return providerKey(provider, 'paletteLabel');
}

export function fieldTextKey(provider: string, field: string, part: FieldTextPart): string {
  return providerKey(provider, 'fields', field, part);
}

export function fieldOptionKey(provider: string, field: string, value: string): string {
  return providerKey(provider, 'fields', field, 'options', value);
}

export function resourceKey(provider: string, resource: string): string {
  return providerKey(provider, 'resources', resource);
}

export function operationTextKey(
  provider: string,
  operation: string,
  part: 'label' | 'description',
): string {
  return providerKey(provider, 'operations', operation, part);
}

export function parameterTextKey(
  provider: string,
  operation: string,
  parameter: string,
  part: FieldTextPart,
): string {
  return providerKey(provider, 'operations', operation, 'parameters', parameter, part);
}

export function parameterOptionKey(
  provider: string,
  operation: string,
  parameter: string,
  value: string,
): string {
  return providerKey(provider, 'operations', operation, 'parameters', parameter, 'options', value);
}
