// Editor HTML of the Mitel CloudLink call-records node ("new call records, exactly once").
// Texts: locales/en-US/switchboard-mitel-call-records.json (data-i18n keys, this._()).
import {
  configNodeType,
  MITEL_CALL_RECORDS_NODE_TYPE,
  MITEL_PROVIDER,
  PALETTE_CATEGORY,
} from '../names';
import { API_NODE_COLOR } from './api-editor';
import { i18n, jsString, scriptBlock, templateBlock } from './html';

const ICONS: Record<string, string> = { name: 'fa-tag', connection: 'fa-plug' };

function row(property: string, input: string): string {
  const icon = ICONS[property] ? `<i class="fa ${ICONS[property]}"></i> ` : '';
  return `<div class="form-row">
  <label for="node-input-${property}">${icon}<span${i18n(`callRecords.label.${property}`)}></span></label>
  ${input}
</div>`;
}

const WITH_PLACEHOLDER = new Set([
  'interval',
  'startDate',
  'overlapMinutes',
  'filter',
  'maxRecords',
]);

const text = (property: string): string => {
  const placeholder = WITH_PLACEHOLDER.has(property)
    ? i18n(`[placeholder]callRecords.placeholder.${property}`)
    : '';
  return `<input type="text" id="node-input-${property}"${placeholder}>`;
};

const FORM = [
  row('name', text('name')),
  row('connection', text('connection')),
  row('interval', text('interval')),
  row(
    'startFrom',
    `<select id="node-input-startFrom"><option value="now"${i18n('callRecords.startFrom.now')}></option><option value="date"${i18n('callRecords.startFrom.date')}></option></select>`,
  ),
  `<div class="form-row" id="switchboard-call-records-date">
  <label for="node-input-startDate"${i18n('callRecords.label.startDate')}></label>
  ${text('startDate')}
</div>`,
  row('overlapMinutes', text('overlapMinutes')),
  row(
    'e164',
    `<input type="checkbox" id="node-input-e164" style="width:auto"> <span${i18n('callRecords.e164Tip')}></span>`,
  ),
  row('filter', text('filter')),
  row('maxRecords', text('maxRecords')),
  `<div class="form-tips"${i18n('[html]callRecords.tip')}></div>`,
].join('\n');

export function callRecordsNodeHtml(): string {
  const script = `RED.nodes.registerType(${jsString(MITEL_CALL_RECORDS_NODE_TYPE)}, {
  category: ${jsString(PALETTE_CATEGORY)},
  color: ${jsString(API_NODE_COLOR)},
  paletteLabel: function () { return this._('callRecords.paletteLabel'); },
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
  label: function () { return this.name || this._('callRecords.paletteLabel'); },
  oneditprepare: function () {
    var toggle = function () { $('#switchboard-call-records-date').toggle($('#node-input-startFrom').val() === 'date'); };
    $('#node-input-startFrom').on('change', toggle);
    toggle();
  }
});`;
  return scriptBlock(script) + templateBlock(MITEL_CALL_RECORDS_NODE_TYPE, FORM);
}
