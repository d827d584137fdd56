// Editor HTML of the opt-in token node.
import { PALETTE_CATEGORY, TOKEN_NODE_TYPE } from '../names';
import { jsString, scriptBlock, templateBlock } from './html';
import { API_NODE_COLOR } from './api-editor';

const FORM = `<div class="form-row">
  <label for="node-input-name"><i class="fa fa-tag"></i> Name</label>
  <input type="text" id="node-input-name">
</div>
<div class="form-row">
  <label for="node-input-connection"><i class="fa fa-plug"></i> Connection</label>
  <select id="node-input-connection" style="width: 70%;"></select>
</div>
<div class="form-tips">The token is put on <code>msg.headers.Authorization</code> for a following
<b>http request</b> node. Anything downstream (debug, logs, files) can then see it: prefer the
provider's API node when it has the operation you need.</div>`;

export function tokenNodeHtml(): string {
  const script = `RED.nodes.registerType(${jsString(TOKEN_NODE_TYPE)}, {
  category: ${jsString(PALETTE_CATEGORY)},
  color: ${jsString(API_NODE_COLOR)},
  paletteLabel: 'token',
  defaults: {
    name: { value: '' },
    connection: { value: '', required: true, validate: function (v) { var node = RED.nodes.node(v); return Boolean(node && /^switchboard-.+-config$/.test(node.type)); } }
  },
  inputs: 1,
  outputs: 1,
  icon: 'switchboard-token.svg',
  label: function () { return this.name || 'token'; },
  oneditprepare: function () { window.SwitchboardEditor.prepareToken(this); }
});`;
  return scriptBlock(script) + templateBlock(TOKEN_NODE_TYPE, FORM);
}
