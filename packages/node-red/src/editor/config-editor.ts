// Editor HTML of the config nodes: one type per provider, its form drawn from the profile's
// fields. Secret fields are Node-RED `password` credentials (never sent back to the browser).
import type { FieldDef, ProviderProfile } from '@switchboard/core';
import { configNodeType, RESERVED_PROPERTIES } from '../names';
import { escapeHtml, jsString, scriptBlock, scriptJson, templateBlock } from './html';

const PREFIX = 'node-config-input-';

/** The field facts the dialog needs (descriptions stay in the help, not in the script). */
function editorField(field: FieldDef): Partial<FieldDef> {
  const { name, displayName, type, secret, required, displayWhen, options } = field;
  return { name, displayName, type, secret, required, displayWhen, options };
}

function fieldInput(field: FieldDef): string {
  const id = `${PREFIX}${field.name}`;
  const placeholder = field.placeholder ? ` placeholder="${escapeHtml(field.placeholder)}"` : '';
  if (field.secret) return `<input type="password" id="${id}"${placeholder} autocomplete="off">`;
  if (field.type === 'boolean') {
    return `<input type="checkbox" id="${id}" style="display:inline-block; width:auto; vertical-align:top;">`;
  }
  if (field.type === 'options' && field.options) {
    const options = field.options
      .map(
        (option) =>
          `<option value="${escapeHtml(option.value)}">${escapeHtml(option.name)}</option>`,
      )
      .join('');
    return `<select id="${id}">${options}</select>`;
  }
  const known =
    field.type === 'multiOptions' && field.options
      ? ` placeholder="${escapeHtml(field.options.map((option) => option.value).join(' '))}"`
      : placeholder;
  const inputType = field.type === 'number' ? 'number' : 'text';
  return `<input type="${inputType}" id="${id}"${known}>`;
}

function fieldRow(field: FieldDef): string {
  const label = `${escapeHtml(field.displayName)}${field.required ? ' *' : ''}`;
  const help = field.description
    ? `\n<div class="switchboard-field-help switchboard-field-${field.name}">${escapeHtml(field.description)}</div>`
    : '';
  return `<div class="form-row switchboard-field-${field.name}">
  <label for="${PREFIX}${field.name}">${label}</label>
  ${fieldInput(field)}
</div>${help}`;
}

const STORE_ROWS = `<div class="switchboard-section">Token store</div>
<div class="form-row">
  <label for="${PREFIX}tokenStore">Keep tokens in</label>
  <select id="${PREFIX}tokenStore">
    <option value="memory">Memory (this Node-RED, until restart)</option>
    <option value="file">Encrypted file (survives restarts)</option>
    <option value="redis">Redis (shared by several Node-RED instances)</option>
  </select>
</div>
<div class="form-row switchboard-store-file">
  <label for="${PREFIX}tokenStorePath">File</label>
  <input type="text" id="${PREFIX}tokenStorePath" placeholder="default: switchboard-tokens-&lt;id&gt;.json in the user directory">
</div>
<div class="form-row switchboard-store-redis">
  <label for="${PREFIX}redisUrl">Redis URL</label>
  <input type="password" id="${PREFIX}redisUrl" placeholder="redis://127.0.0.1:6379" autocomplete="off">
</div>
<div class="form-row switchboard-store-key">
  <label for="${PREFIX}encryptionKey">Encryption key</label>
  <input type="password" id="${PREFIX}encryptionKey" autocomplete="off">
</div>`;

const TEST_ROW = `<div class="form-row">
  <button type="button" class="red-ui-button" id="switchboard-test-connection"><i class="fa fa-plug"></i> Test connection</button>
  <div id="switchboard-test-result"></div>
</div>`;

function defaultsScript(profile: ProviderProfile): string {
  const entries = profile.fields
    .filter((field) => !field.secret)
    .map((field) => {
      const value = Array.isArray(field.default) ? field.default.join(' ') : (field.default ?? '');
      return `${jsString(field.name)}: { value: ${scriptJson(value)}, validate: function (v) { return window.SwitchboardEditor.validField(this, META.fields, ${jsString(field.name)}, v); } }`;
    });
  entries.unshift(`name: { value: '' }`);
  entries.push(`tokenStore: { value: 'memory' }`, `tokenStorePath: { value: '' }`);
  return entries.join(',\n      ');
}

function credentialsScript(profile: ProviderProfile): string {
  const names = profile.fields.filter((field) => field.secret).map((field) => field.name);
  return [...names, 'redisUrl', 'encryptionKey']
    .map((name) => `${jsString(name)}: { type: 'password' }`)
    .join(',\n      ');
}

export function configNodeHtml(profile: ProviderProfile): string {
  for (const field of profile.fields) {
    if (RESERVED_PROPERTIES.has(field.name)) {
      throw new Error(`${profile.id}: field "${field.name}" clashes with a Node-RED node property`);
    }
  }
  const type = configNodeType(profile.id);
  const meta = {
    provider: profile.id,
    displayName: profile.displayName,
    fields: profile.fields.map(editorField),
  };
  const script = `(function () {
  var META = ${scriptJson(meta)};
  RED.nodes.registerType(${jsString(type)}, {
    category: 'config',
    paletteLabel: ${jsString(profile.displayName)},
    defaults: {
      ${defaultsScript(profile)}
    },
    credentials: {
      ${credentialsScript(profile)}
    },
    label: function () { return this.name || ${jsString(profile.displayName)}; },
    oneditprepare: function () { window.SwitchboardEditor.prepareConfig(this, META); }
  });
})();`;
  const main = profile.fields.filter((field) => !field.advanced).map(fieldRow);
  const advanced = profile.fields.filter((field) => field.advanced).map(fieldRow);
  const form = [
    `<div class="form-row">\n  <label for="${PREFIX}name"><i class="fa fa-tag"></i> Name</label>\n  <input type="text" id="${PREFIX}name" placeholder="${escapeHtml(profile.displayName)}">\n</div>`,
    ...main,
    ...(advanced.length > 0
      ? ['<div class="switchboard-section">Advanced</div>', ...advanced]
      : []),
    STORE_ROWS,
    TEST_ROW,
  ].join('\n');
  return scriptBlock(script) + templateBlock(type, form);
}
