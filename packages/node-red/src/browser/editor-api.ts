// What the registerType blocks of the node .html files call: window.SwitchboardEditor.
import type { ApiMeta, ConfigMeta, TokenMeta } from './meta';

export interface SwitchboardEditorApi {
  /** Node-RED `validate` of a config-node field: true, or what is wrong (Node-RED ≥ 3.1). */
  validField(
    node: SwitchboardEditorNode,
    meta: ConfigMeta,
    name: string,
    value: unknown,
  ): true | string;
  prepareConfig(node: SwitchboardEditorNode, meta: ConfigMeta): void;
  prepareApi(node: SwitchboardEditorNode, meta: ApiMeta): void;
  saveApi(node: SwitchboardEditorNode): void;
  operationLabel(node: SwitchboardEditorNode, meta: ApiMeta): string;
  paletteLabel(definition: SwitchboardNodeDefinition, provider: string): string;
  prepareToken(node: SwitchboardEditorNode, meta: TokenMeta): void;
  closeToken(): void;
}
