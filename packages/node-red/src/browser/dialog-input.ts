// Reading the dialog's inputs.
import type { FieldValue } from '@switchboard/core/profiles/types';

export const CONFIG_PREFIX = 'node-config-input-';

export function configInput(name: string): SwitchboardJQuery {
  return $(`#${CONFIG_PREFIX}${name}`);
}

export function inputValue(input: SwitchboardJQuery): FieldValue | undefined {
  if (input.is(':checkbox')) return input.is(':checked');
  return input.val();
}
