// What each node's registerType block hands the browser code: facts from the profile, no text
// (texts are in the node file's message catalogue, under the keys of ./keys).
import type { FieldType, FieldValue } from '@switchboard/core/profiles/types';

/** A connection field as the config dialog needs it. */
export interface DialogField {
  name: string;
  type: FieldType;
  secret?: boolean;
  required?: boolean;
  default?: FieldValue;
  displayWhen?: Record<string, FieldValue[]>;
  /** Option values; their names are in the catalogue. */
  options?: string[];
  allowCustomValues?: boolean;
  format?: 'url';
  pattern?: string;
  advanced?: boolean;
  /** The catalogue has a placeholder text for it. */
  placeholder?: boolean;
}

export interface ConfigMeta {
  provider: string;
  fields: DialogField[];
}

export interface DialogParameter {
  name: string;
  type: FieldType;
  required?: boolean;
  default?: FieldValue;
  options?: string[];
  placeholder?: boolean;
  help?: boolean;
}

export interface DialogOperation {
  id: string;
  resource: string;
  /** Lists that page: the dialog offers "return all", a limit and the output shape. */
  paged: boolean;
  parameters: DialogParameter[];
}

export interface ApiMeta {
  provider: string;
  resources: string[];
  operations: DialogOperation[];
}

/** The token node: which config node types are Switchboard connections. */
export interface TokenMeta {
  connectionTypes: string[];
}

/** A node set's translator (Node-RED's `this._`): a catalogue key, values for `__name__`. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;
