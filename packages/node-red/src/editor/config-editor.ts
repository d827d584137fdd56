// Editor HTML of the config nodes: one type per provider, its form drawn from the profile's
// fields. Secret fields are Node-RED `password` credentials (never sent back to the browser).
// Every text is a catalogue key (see ./catalogue); the dialog code is the editor bundle.
import type { FieldDef, ProviderProfile } from '@switchboard/core';
import { fieldOptionKey, fieldTextKey, paletteLabelKey } from '../browser/keys';
import type { ConfigMeta, DialogField } from '../browser/meta';
import { configNodeType, RESERVED_PROPERTIES } from '../names';
import { escapeHtml, i18n, jsString, scriptBlock, scriptJson, templateBlock } from './html';

const PREFIX = 'node-config-input-';

/** The field facts the dialog needs (texts stay in the catalogue, descriptions in the help). */
function dialogField(field: FieldDef): DialogField {
  const { name, type, secret, required, displayWhen, allowCustomValues, format, pattern } = field;
  return {
    name,
    type,
    ...(secret ? { secret } : {}),
    ...(required ? { required } : {}),
    ...(field.default === undefined ? {} : { default: field.default }),
    ...(displayWhen ? { displayWhen } : {}),
    ...(field.options ? { options: field.options.map((option) => option.value) } : {}),
    ...(allowCustomValues ? { allowCustomValues } : {}),
    ...(format ? { format } : {}),
    ...(pattern ? { pattern } : {}),
    ...(field.advanced ? { advanced: true } : {}),
    ...(field.placeholder ? { placeholder: true } : {}),
  };
}

function fieldInput(provider: string, field: FieldDef): string {
  const id = `${PREFIX}${field.name}`;
  const placeholder = field.placeholder
    ? i18n(`[placeholder]${fieldTextKey(provider, field.name, 'placeholder')}`)
    : '';
  if (field.secret) return `<input type="password" id="${id}"${placeholder} autocomplete="off">`;
  if (field.type === 'boolean') {
    return `<input type="checkbox" id="${id}" style="display:inline-block; width:auto; vertical-align:top;">`;
  }
  if (field.type === 'options' && field.options) {
    const options = field.options
      .map(
        (option) =>
          `<option value="${escapeHtml(option.value)}"${i18n(fieldOptionKey(provider, field.name, option.value))}></option>`,
      )
      .join('');
    return `<select id="${id}">${options}</select>`;
  }
  // Known scopes as the placeholder: values, not text, so they need no translation.
  const known =
    field.type === 'multiOptions' && field.options
      ? ` placeholder="${escapeHtml(field.options.map((option) => option.value).join(' '))}"`
      : placeholder;
  const inputType = field.type === 'number' ? 'number' : 'text';
  return `<input type="${inputType}" id="${id}"${known}>`;
}

function fieldRow(provider: string, field: FieldDef): string {
  const label = `<span${i18n(fieldTextKey(provider, field.name, 'label'))}></span>${field.required ? ' *' : ''}`;
  const help = field.description
    ? `\n<div class="switchboard-field-help switchboard-field-${field.name}"${i18n(fieldTextKey(provider, field.name, 'help'))}></div>`
    : '';
  return `<div class="form-row switchboard-field-${field.name}">
  <label for="${PREFIX}${field.name}">${label}</label>
  ${fieldInput(provider, field)}
</div>${help}`;
}

const STORE_ROWS = `<div class="switchboard-section"${i18n('section.tokenStore')}></div>
<div class="form-row">
  <label for="${PREFIX}tokenStore"${i18n('label.tokenStore')}></label>
  <select id="${PREFIX}tokenStore">
    <option value="memory"${i18n('tokenStore.memory')}></option>
    <option value="file"${i18n('tokenStore.file')}></option>
    <option value="redis"${i18n('tokenStore.redis')}></option>
  </select>
</div>
<div class="form-row switchboard-store-file">
  <label for="${PREFIX}tokenStorePath"${i18n('label.tokenStorePath')}></label>
  <input type="text" id="${PREFIX}tokenStorePath"${i18n('[placeholder]placeholder.tokenStorePath')}>
</div>
<div class="form-row switchboard-store-redis">
  <label for="${PREFIX}redisUrl"${i18n('label.redisUrl')}></label>
  <input type="password" id="${PREFIX}redisUrl"${i18n('[placeholder]placeholder.redisUrl')} autocomplete="off">
</div>
<div class="form-row switchboard-store-key">
  <label for="${PREFIX}encryptionKey"${i18n('label.encryptionKey')}></label>
  <input type="password" id="${PREFIX}encryptionKey" autocomplete="off">
</div>`;

const TEST_ROW = `<div class="form-row">
  <button type="button" class="red-ui-button" id="switchboard-test-connection"><i class="fa fa-plug"></i> <span${i18n('test.button')}></span></button>
  <div id="switchboard-test-result"></div>
</div>`;

function advancedSection(rows: string[]): string[] {
  if (rows.length === 0) return [];
  return [
    `<div class="switchboard-section"><a href="#" id="switchboard-advanced-toggle" class="switchboard-advanced-toggle"><i class="fa fa-angle-right"></i> <span${i18n('section.advanced')}></span></a></div>`,
    `<div class="switchboard-advanced">\n${rows.join('\n')}\n</div>`,
  ];
}

function defaultsScript(profile: ProviderProfile): string {
  const entries = profile.fields
    .filter((field) => !field.secret)
    .map((field) => {
      const value = Array.isArray(field.default) ? field.default.join(' ') : (field.default ?? '');
      // Two parameters: Node-RED ≥ 3.1 then shows the returned text as the reason.
      return `${jsString(field.name)}: { value: ${scriptJson(value)}, validate: function (v, opt) { return window.SwitchboardEditor.validField(this, META, ${jsString(field.name)}, v); } }`;
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

/** What the config dialog's code gets from the profile (the META of its registerType block). */
export function configMeta(profile: ProviderProfile): ConfigMeta {
  return { provider: profile.id, fields: profile.fields.map(dialogField) };
}

export function configNodeHtml(profile: ProviderProfile): string {
  for (const field of profile.fields) {
    if (RESERVED_PROPERTIES.has(field.name)) {
      throw new Error(`${profile.id}: field "${field.name}" clashes with a Node-RED node property`);
    }
  }
  const type = configNodeType(profile.id);
  const meta = configMeta(profile);
  const script = `(function () {
  var META = ${scriptJson(meta)};
  RED.nodes.registerType(${jsString(type)}, {
    category: 'config',
    paletteLabel: function () { return window.SwitchboardEditor.paletteLabel(this, META.provider); },
    defaults: {
      ${defaultsScript(profile)}
    },
    credentials: {
      ${credentialsScript(profile)}
    },
    label: function () { return this.name || this._(${jsString(paletteLabelKey(profile.id))}); },
    oneditprepare: function () { window.SwitchboardEditor.prepareConfig(this, META); }
  });
})();`;
  const main = profile.fields.filter((field) => !field.advanced);
  const advanced = profile.fields.filter((field) => field.advanced);
  const form = [
    `<div class="form-row">\n  <label for="${PREFIX}name"><i class="fa fa-tag"></i> <span${i18n('label.name')}></span></label>\n  <input type="text" id="${PREFIX}name"${i18n(`[placeholder]${paletteLabelKey(profile.id)}`)}>\n</div>`,
    ...main.map((field) => fieldRow(profile.id, field)),
    ...advancedSection(advanced.map((field) => fieldRow(profile.id, field))),
    STORE_ROWS,
    TEST_ROW,
  ].join('\n');
  return scriptBlock(script) + templateBlock(type, form);
}
