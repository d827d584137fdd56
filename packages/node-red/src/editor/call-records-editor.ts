// Editor HTML of the Mitel CloudLink call-records node ("new call records, exactly once").
import {
  configNodeType,
  MITEL_CALL_RECORDS_NODE_TYPE,
  MITEL_PROVIDER,
  PALETTE_CATEGORY,
} from '../names';
import { API_NODE_COLOR } from './api-editor';
import { jsString, scriptBlock, templateBlock } from './html';

function row(property: string, label: string, input: string): string {
  return `<div class="form-row">
  <label for="node-input-${property}">${label}</label>
  ${input}
</div>`;
}

const text = (property: string, placeholder = '') =>
  `<input type="text" id="node-input-${property}" placeholder="${placeholder}">`;

const FORM = [
  row('name', '<i class="fa fa-tag"></i> Name', text('name')),
  row('connection', '<i class="fa fa-plug"></i> Connection', text('connection')),
  row('interval', 'Poll every (s)', text('interval', '60')),
  row(
    'startFrom',
    'Start from',
    `<select id="node-input-startFrom"><option value="now">now</option><option value="date">a date</option></select>`,
  ),
  `<div class="form-row" id="switchboard-call-records-date">${[
    '<label for="node-input-startDate">Start date</label>',
    text('startDate', '2026-11-01T00:00:00Z'),
  ].join('\n')}</div>`,
  row('overlapMinutes', 'Overlap (min)', text('overlapMinutes', '10')),
  row(
    'e164',
    'E.164 numbers',
    '<input type="checkbox" id="node-input-e164" style="width:auto"> add fromE164 / toE164',
  ),
  row('filter', 'Filter', text('filter', "contains(principal,'<user id>')")),
  row('maxRecords', 'Max per poll', text('maxRecords', '1000')),
  `<div class="form-tips">One message per finished call, each exactly once, also after a restart —
the cursor is kept in Node-RED's <b>persistent</b> context (enable a <code>localfilesystem</code>
context store in settings.js). Polling works behind NAT; the CloudLink events node is instant but
needs a public URL.</div>`,
].join('\n');

export function callRecordsNodeHtml(): string {
  const script = `RED.nodes.registerType(${jsString(MITEL_CALL_RECORDS_NODE_TYPE)}, {
  category: ${jsString(PALETTE_CATEGORY)},
  color: ${jsString(API_NODE_COLOR)},
  paletteLabel: 'CloudLink call records',
  defaults: {
    name: { value: '' },
    connection: { value: '', type: ${jsString(configNodeType(MITEL_PROVIDER))}, required: true },
    interval: { value: 60, required: true, validate: function (v) { return v === '' || (Number(v) === 0 || Number(v) >= 1); } },
    startFrom: { value: 'now' },
    startDate: { value: '', validate: function (v) { return this.startFrom !== 'date' || !isNaN(Date.parse(v)); } },
    overlapMinutes: { value: 10, validate: RED.validators.number() },
    e164: { value: true },
    filter: { value: '' },
    maxRecords: { value: 1000, validate: RED.validators.number() }
  },
  inputs: 1,
  outputs: 1,
  icon: 'switchboard.svg',
  label: function () { return this.name || 'CloudLink call records'; },
  oneditprepare: function () {
    var toggle = function () { $('#switchboard-call-records-date').toggle($('#node-input-startFrom').val() === 'date'); };
    $('#node-input-startFrom').on('change', toggle);
    toggle();
  }
});`;
  return scriptBlock(script) + templateBlock(MITEL_CALL_RECORDS_NODE_TYPE, FORM);
}
