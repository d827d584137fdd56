// Editor HTML of the opt-in token node: any provider's connection, or a new one added from here.
import type { ProviderProfile } from '@switchboard/core';
import type { TokenMeta } from '../browser/meta';
import { configNodeType, PALETTE_CATEGORY, TOKEN_NODE_TYPE } from '../names';
import { i18n, jsString, scriptBlock, scriptJson, templateBlock } from './html';
import { API_NODE_COLOR } from './api-editor';

const FORM = `<div class="form-row">
  <label for="node-input-name"><i class="fa fa-tag"></i> <span${i18n('token.label.name')}></span></label>
  <input type="text" id="node-input-name">
</div>
<div class="form-row">
  <label for="node-input-connection"><i class="fa fa-plug"></i> <span${i18n('token.label.connection')}></span></label>
  <select id="node-input-connection" style="width: 70%;"></select>
</div>
<div class="form-row">
  <label for="switchboard-token-provider"><i class="fa fa-plus"></i> <span${i18n('token.label.newConnection')}></span></label>
  <select id="switchboard-token-provider" style="width: 45%;"></select>
  <button type="button" class="red-ui-button" id="switchboard-token-add"${i18n('token.addConnection')}></button>
</div>
<div class="form-tips"${i18n('[html]token.tip')}></div>`;

export function tokenNodeHtml(profiles: readonly ProviderProfile[]): string {
  const meta: TokenMeta = {
    connectionTypes: profiles.map((profile) => configNodeType(profile.id)),
  };
  const script = `(function () {
  var META = ${scriptJson(meta)};
  RED.nodes.registerType(${jsString(TOKEN_NODE_TYPE)}, {
    category: ${jsString(PALETTE_CATEGORY)},
    color: ${jsString(API_NODE_COLOR)},
    paletteLabel: function () { return this._('token.paletteLabel'); },
    defaults: {
      name: { value: '' },
      connection: { value: '', required: true, validate: function (v) { var node = RED.nodes.node(v); return Boolean(node && META.connectionTypes.indexOf(node.type) !== -1); } }
    },
    inputs: 1,
    outputs: 1,
    icon: 'switchboard-token.svg',
    label: function () { return this.name || this._('token.paletteLabel'); },
    oneditprepare: function () { window.SwitchboardEditor.prepareToken(this, META); },
    oneditsave: function () { window.SwitchboardEditor.closeToken(); },
    oneditcancel: function () { window.SwitchboardEditor.closeToken(); },
    oneditdelete: function () { window.SwitchboardEditor.closeToken(); }
  });
})();`;
  return scriptBlock(script) + templateBlock(TOKEN_NODE_TYPE, FORM);
}
