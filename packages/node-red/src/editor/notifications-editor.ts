// Editor HTML of the Mitel CloudLink notifications node.
import {
  configNodeType,
  MITEL_NOTIFICATIONS_NODE_TYPE,
  MITEL_PROVIDER,
  PALETTE_CATEGORY,
} from '../names';
import { jsString, scriptBlock, templateBlock } from './html';
import { API_NODE_COLOR } from './api-editor';

function row(property: string, label: string, placeholder = ''): string {
  return `<div class="form-row">
  <label for="node-input-${property}">${label}</label>
  <input type="text" id="node-input-${property}" placeholder="${placeholder}">
</div>`;
}

const FORM = [
  row('name', '<i class="fa fa-tag"></i> Name'),
  row('connection', '<i class="fa fa-plug"></i> Connection'),
  row('publicUrl', 'Public URL', 'https://nodered.example.com'),
  row('path', 'Path', '/switchboard/mitel/<node id>'),
  row('topic', 'Topic', 'platform-api-media'),
  row('applicationId', 'Application ID', 'default: the connection’s client id'),
  row('subjectFilter', 'Subject filter'),
  row('publicationFilter', 'Publication filter'),
  `<div class="form-tips">Mitel posts notifications to <i>Public URL</i> + <i>Path</i>: the public URL
must reach this Node-RED's HTTP endpoints. The subscription is created on deploy and deleted on
undeploy.</div>`,
].join('\n');

export function notificationsNodeHtml(): string {
  const script = `RED.nodes.registerType(${jsString(MITEL_NOTIFICATIONS_NODE_TYPE)}, {
  category: ${jsString(PALETTE_CATEGORY)},
  color: ${jsString(API_NODE_COLOR)},
  paletteLabel: 'CloudLink events',
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
  label: function () { return this.name || 'CloudLink ' + (this.topic || 'events'); }
});`;
  return scriptBlock(script) + templateBlock(MITEL_NOTIFICATIONS_NODE_TYPE, FORM);
}
