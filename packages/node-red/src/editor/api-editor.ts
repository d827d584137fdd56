// Editor HTML of the API nodes: one type per provider. Resource, operation and the operation's
// parameters (each a typed input) are drawn from the profile at edit time.
import type { OperationDef, ProviderProfile } from '@switchboard/core';
import { apiNodeType, configNodeType, PALETTE_CATEGORY } from '../names';
import { jsString, scriptBlock, scriptJson, templateBlock } from './html';

export const API_NODE_COLOR = '#8EC3E6';

/** The operation facts the dialog needs. */
function editorOperation(operation: OperationDef): Partial<OperationDef> {
  const { id, resource, displayName, description, parameters, pagination } = operation;
  return {
    id,
    resource,
    displayName,
    description,
    pagination,
    parameters: parameters.map((parameter) => ({
      name: parameter.name,
      displayName: parameter.displayName,
      type: parameter.type,
      in: parameter.in,
      required: parameter.required,
      options: parameter.options,
      default: parameter.default,
      description: parameter.description,
      placeholder: parameter.placeholder,
    })),
  };
}

const FORM = `<div class="form-row">
  <label for="node-input-name"><i class="fa fa-tag"></i> Name</label>
  <input type="text" id="node-input-name">
</div>
<div class="form-row">
  <label for="node-input-connection"><i class="fa fa-plug"></i> Connection</label>
  <input type="text" id="node-input-connection">
</div>
<div class="form-row">
  <label for="switchboard-resource"><i class="fa fa-folder-o"></i> Resource</label>
  <select id="switchboard-resource"></select>
</div>
<div class="form-row">
  <label for="switchboard-operation"><i class="fa fa-cog"></i> Operation</label>
  <select id="switchboard-operation"></select>
</div>
<div class="form-tips" id="switchboard-operation-description"></div>
<div id="switchboard-params" style="margin-top: 10px;"></div>
<div class="form-row switchboard-paging">
  <label for="node-input-returnAll">Return all</label>
  <input type="checkbox" id="node-input-returnAll" style="display:inline-block; width:auto; vertical-align:top;">
  <span>follow every page</span>
</div>
<div class="form-row switchboard-paging switchboard-limit">
  <label for="node-input-limit">Limit</label>
  <input type="number" id="node-input-limit" min="1" style="width: 100px;">
</div>
<div class="form-row switchboard-paging">
  <label for="node-input-output">Output</label>
  <select id="node-input-output">
    <option value="array">one message, payload is the array</option>
    <option value="items">one message per record</option>
  </select>
</div>`;

export function apiNodeHtml(profile: ProviderProfile): string {
  const type = apiNodeType(profile.id);
  const meta = {
    provider: profile.id,
    displayName: profile.displayName,
    resources: profile.resources,
    operations: profile.operations.map(editorOperation),
  };
  const first = profile.operations[0]?.id ?? '';
  const script = `(function () {
  var META = ${scriptJson(meta)};
  RED.nodes.registerType(${jsString(type)}, {
    category: ${jsString(PALETTE_CATEGORY)},
    color: ${jsString(API_NODE_COLOR)},
    paletteLabel: ${jsString(profile.displayName)},
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
    label: function () { return window.SwitchboardEditor.operationLabel(META, this); },
    labelStyle: function () { return this.name ? 'node_label_italic' : ''; },
    oneditprepare: function () { window.SwitchboardEditor.prepareApi(this, META); },
    oneditsave: function () { window.SwitchboardEditor.saveApi(this); }
  });
})();`;
  return scriptBlock(script) + templateBlock(type, FORM);
}
