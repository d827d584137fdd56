// Editor HTML of the Mitel CloudLink notifications node.
import {
  configNodeType,
  MITEL_NOTIFICATIONS_NODE_TYPE,
  MITEL_PROVIDER,
  PALETTE_CATEGORY,
} from '../names';
import { i18n, jsString, scriptBlock, templateBlock } from './html';
import { API_NODE_COLOR } from './api-editor';

const ICONS: Record<string, string> = { name: 'fa-tag', connection: 'fa-plug' };
const WITH_PLACEHOLDER = new Set(['publicUrl', 'path', 'topic', 'applicationId']);

function row(property: string): string {
  const icon = ICONS[property] ? `<i class="fa ${ICONS[property]}"></i> ` : '';
  const placeholder = WITH_PLACEHOLDER.has(property)
    ? i18n(`[placeholder]notifications.placeholder.${property}`)
    : '';
  return `<div class="form-row">
  <label for="node-input-${property}">${icon}<span${i18n(`notifications.label.${property}`)}></span></label>
  <input type="text" id="node-input-${property}"${placeholder}>
</div>`;
}

const FORM = [
  ...[
    'name',
    'connection',
    'publicUrl',
    'path',
    'topic',
    'applicationId',
    'subjectFilter',
    'publicationFilter',
  ].map(row),
  `<div class="form-tips"${i18n('[html]notifications.tip')}></div>`,
].join('\n');

export function notificationsNodeHtml(): string {
  const script = `RED.nodes.registerType(${jsString(MITEL_NOTIFICATIONS_NODE_TYPE)}, {
  category: ${jsString(PALETTE_CATEGORY)},
  color: ${jsString(API_NODE_COLOR)},
  paletteLabel: function () { return this._('notifications.paletteLabel'); },
  defaults: {
    name: { value: '' },
    connection: { value: '', type: ${jsString(configNodeType(MITEL_PROVIDER))}, required: true },
    publicUrl: { value: '', required: true, validate: RED.validators.regex(/^https?:\\/\\/.+/) },
    path: { value: '' },
    topic: { value: 'platform-api-media', required: true },
    applicationId: { value: '' },
    subjectFilter: { value: '' },
    publicationFilter: { value: '' }
  },
  inputs: 0,
  outputs: 1,
  icon: 'switchboard-bell.svg',
  label: function () {
    if (this.name) return this.name;
    return this.topic ? this._('notifications.defaultLabel', { topic: this.topic }) : this._('notifications.eventsLabel');
  }
});`;
  return scriptBlock(script) + templateBlock(MITEL_NOTIFICATIONS_NODE_TYPE, FORM);
}
