// Editor HTML of the API nodes: one type per provider. Resource, operation and the operation's
// parameters (each a typed input) are drawn by the editor bundle from the META facts below and
// the texts in the switchboard-api catalogue.
import type { OperationDef, ProviderProfile } from '@switchboard/core';
import type { ApiMeta, DialogOperation } from '../browser/meta';
import { apiNodeType, configNodeType, PALETTE_CATEGORY } from '../names';
import { i18n, jsString, scriptBlock, scriptJson, templateBlock } from './html';

export const API_NODE_COLOR = '#8EC3E6';

/** The operation facts the dialog needs. */
function dialogOperation(operation: OperationDef): DialogOperation {
  const { id, resource, pagination } = operation;
  return {
    id,
    resource,
    paged: pagination !== undefined && pagination.style !== 'none',
    parameters: operation.parameters.map((parameter) => ({
      name: parameter.name,
      type: parameter.type,
      ...(parameter.required ? { required: true } : {}),
      ...(parameter.default === undefined ? {} : { default: parameter.default }),
      ...(parameter.options ? { options: parameter.options.map((option) => option.value) } : {}),
      ...(parameter.placeholder ? { placeholder: true } : {}),
      ...(parameter.description ? { help: true } : {}),
    })),
  };
}

const FORM = `<div class="form-row">
  <label for="node-input-name"><i class="fa fa-tag"></i> <span${i18n('label.name')}></span></label>
  <input type="text" id="node-input-name">
</div>
<div class="form-row">
  <label for="node-input-connection"><i class="fa fa-plug"></i> <span${i18n('label.connection')}></span></label>
  <input type="text" id="node-input-connection">
</div>
<div class="form-row">
  <label for="switchboard-resource"><i class="fa fa-folder-o"></i> <span${i18n('label.resource')}></span></label>
  <select id="switchboard-resource"></select>
</div>
<div class="form-row">
  <label for="switchboard-operation"><i class="fa fa-cog"></i> <span${i18n('label.operation')}></span></label>
  <select id="switchboard-operation"></select>
</div>
<div class="form-tips" id="switchboard-operation-description"></div>
<div id="switchboard-params" style="margin-top: 10px;"></div>
<div class="form-row switchboard-paging">
  <label for="node-input-returnAll"${i18n('label.returnAll')}></label>
  <input type="checkbox" id="node-input-returnAll" style="display:inline-block; width:auto; vertical-align:top;">
  <span${i18n('returnAllTip')}></span>
</div>
<div class="form-row switchboard-paging switchboard-limit">
  <label for="node-input-limit"${i18n('label.limit')}></label>
  <input type="number" id="node-input-limit" min="1" style="width: 100px;">
</div>
<div class="form-row switchboard-paging">
  <label for="node-input-output"${i18n('label.output')}></label>
  <select id="node-input-output">
    <option value="array"${i18n('output.array')}></option>
    <option value="items"${i18n('output.items')}></option>
  </select>
</div>`;

export function apiNodeHtml(profile: ProviderProfile): string {
  const type = apiNodeType(profile.id);
  const meta: ApiMeta = {
    provider: profile.id,
    resources: profile.resources.map((resource) => resource.value),
    operations: profile.operations.map(dialogOperation),
  };
  const first = profile.operations[0]?.id ?? '';
  const script = `(function () {
  var META = ${scriptJson(meta)};
  RED.nodes.registerType(${jsString(type)}, {
    category: ${jsString(PALETTE_CATEGORY)},
    color: ${jsString(API_NODE_COLOR)},
    paletteLabel: function () { return window.SwitchboardEditor.paletteLabel(this, META.provider); },
    defaults: {
      name: { value: '' },
      connection: { value: '', type: ${jsString(configNodeType(profile.id))}, required: true },
      operation: { value: ${jsString(first)}, required: true },
      params: { value: {} },
      returnAll: { value: false },
      limit: { value: 50, validate: RED.validators.number(true) },
      output: { value: 'array' }
    },
    inputs: 1,
    outputs: 1,
    icon: 'switchboard.svg',
    label: function () { return window.SwitchboardEditor.operationLabel(this, META); },
    labelStyle: function () { return this.name ? 'node_label_italic' : ''; },
    oneditprepare: function () { window.SwitchboardEditor.prepareApi(this, META); },
    oneditsave: function () { window.SwitchboardEditor.saveApi(this); }
  });
})();`;
  return scriptBlock(script) + templateBlock(type, FORM);
}
