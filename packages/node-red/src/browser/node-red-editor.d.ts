// The parts of the Node-RED editor's globals (RED, jQuery with jquery-i18next and typedInput)
// that the Switchboard dialogs use. Declared here rather than pulling in @types/jquery: the
// surface is small and this file says exactly what the editor code relies on.

type SwitchboardTranslate = import('./meta').Translate;

interface SwitchboardJQueryEvent {
  preventDefault(): void;
}

interface SwitchboardTypedInputType {
  value: string;
  label?: string;
  options?: Array<{ value: string; label: string }>;
}

interface SwitchboardJQuery {
  readonly length: number;
  is(selector: string): boolean;
  val(): string | number | string[] | undefined;
  val(value: string | number): SwitchboardJQuery;
  text(): string;
  text(value: string): SwitchboardJQuery;
  attr(name: string): string | undefined;
  attr(name: string, value: string): SwitchboardJQuery;
  prop(name: 'checked', value: boolean): SwitchboardJQuery;
  css(name: string, value: string): SwitchboardJQuery;
  on(
    event: string,
    handler: (this: HTMLElement, event: SwitchboardJQueryEvent) => void,
  ): SwitchboardJQuery;
  toggle(show: boolean): SwitchboardJQuery;
  toggleClass(name: string, state: boolean): SwitchboardJQuery;
  empty(): SwitchboardJQuery;
  addClass(name: string): SwitchboardJQuery;
  removeClass(name: string): SwitchboardJQuery;
  appendTo(target: SwitchboardJQuery | string): SwitchboardJQuery;
  find(selector: string): SwitchboardJQuery;
  each(callback: (this: HTMLElement, index: number) => void): SwitchboardJQuery;
  typedInput(options: {
    types: Array<string | SwitchboardTypedInputType>;
    default: string;
  }): SwitchboardJQuery;
  typedInput(method: 'type' | 'value'): string;
  typedInput(method: 'type' | 'value', value: string): SwitchboardJQuery;
}

interface SwitchboardJqXhr {
  done(callback: (data: unknown) => void): SwitchboardJqXhr;
  fail(callback: (xhr: { status: number }) => void): SwitchboardJqXhr;
}

interface SwitchboardJQueryStatic {
  (selector: string | HTMLElement): SwitchboardJQuery;
  ajax(settings: {
    url: string;
    type: 'POST' | 'GET';
    contentType?: string;
    data?: string;
    dataType?: 'json';
  }): SwitchboardJqXhr;
}

/** A node (or config node) as the editor holds it. */
interface SwitchboardEditorNode {
  id: string;
  type: string;
  name?: string;
  /** The node set's translator: keys without a namespace are looked up in its catalogue. */
  _?: SwitchboardTranslate;
  credentials?: Record<string, unknown>;
  [property: string]: unknown;
}

interface SwitchboardNodeDefinition {
  paletteLabel?: string | ((this: SwitchboardNodeDefinition) => string);
  _?: SwitchboardTranslate;
}

interface SwitchboardRed {
  _: SwitchboardTranslate;
  nodes: {
    eachConfig(callback: (config: SwitchboardEditorNode) => boolean | void): void;
    getType(type: string): SwitchboardNodeDefinition | undefined;
  };
  editor: {
    editConfig(
      name: string,
      type: string,
      id: string,
      prefix?: string,
      editContext?: SwitchboardEditorNode,
    ): void;
  };
  events: {
    on(event: 'nodes:add', handler: (node: SwitchboardEditorNode) => void): void;
    off(event: 'nodes:add', handler: (node: SwitchboardEditorNode) => void): void;
  };
}

declare const RED: SwitchboardRed;
declare const $: SwitchboardJQueryStatic;

interface Window {
  SwitchboardEditor?: import('./editor-api').SwitchboardEditorApi;
}
