// Mitel CloudLink media service operations: call history, placing and controlling calls.
// Facts from Mitel's published media API specification (https://developer.mitel.io/).
import { additionalFieldsParameter } from './shared';
import type { OperationDef, ParameterDef } from './types';

const HAL = { style: 'hal-next', itemsPath: '_embedded.items', nextPath: '_links.next' } as const;

const filterParam: ParameterDef = {
  name: 'filter',
  displayName: 'Filter',
  type: 'string',
  in: 'query',
  wireName: '$filter',
  placeholder: "contains(principal,'<user id>') and createdOn ge 2026-10-01T00:00:00Z",
  description:
    'OData filter ($filter) over the record fields, for example on createdOn or endTime. The service documents no ordering ($orderby): filter on time instead.',
};

const endpointIdParam: ParameterDef = {
  name: 'endpointId',
  displayName: 'Endpoint ID',
  type: 'string',
  in: 'path',
  required: true,
  description: 'The endpoint (device or softphone) the call is on',
};

const callIdParam: ParameterDef = {
  name: 'callId',
  displayName: 'Call ID',
  type: 'string',
  in: 'path',
  required: true,
  description: 'The call, as returned when it was placed or notified',
};

/** Action arguments are not all documented per action: the person passes them as JSON. */
const argsParam: ParameterDef = {
  name: 'args',
  displayName: 'Arguments (JSON)',
  type: 'json',
  in: 'body',
  placeholder: '{"destination": "+15551234567"}',
  description:
    'JSON object sent as args with the action (destination, digits, ...); empty for none',
};

const text = (name: string, displayName: string, description: string): ParameterDef => ({
  name,
  displayName,
  type: 'string',
  in: 'body',
  description,
});

/** The call-control actions of `PUT /endpoints/{endpointId}/calls/{callId}` `{action, args}`. */
export const MITEL_CALL_ACTIONS: ReadonlyArray<{
  action: string;
  displayName: string;
  description: string;
}> = [
  { action: 'answer', displayName: 'Answer Call', description: 'Answer a ringing call.' },
  { action: 'end', displayName: 'End Call', description: 'Hang up a call.' },
  { action: 'hold', displayName: 'Hold Call', description: 'Put a call on hold.' },
  { action: 'retrieve', displayName: 'Retrieve Call', description: 'Take a held call back.' },
  {
    action: 'blindTransfer',
    displayName: 'Blind Transfer Call',
    description: 'Transfer a call to another destination without talking to it first.',
  },
  {
    action: 'supervisedTransfer',
    displayName: 'Supervised Transfer Call',
    description: 'Complete a transfer to a destination you consulted first.',
  },
  {
    action: 'consult',
    displayName: 'Consult',
    description: 'Hold the call and call another destination to consult before a transfer.',
  },
  { action: 'dtmf', displayName: 'Send DTMF', description: 'Send DTMF digits on a call.' },
  {
    action: 'conference',
    displayName: 'Conference Calls',
    description: 'Join the call with a consulted call into a conference.',
  },
];

/** Recording actions: names not confirmed by the public spec, so the person can type another. */
export const MITEL_RECORDING_ACTIONS = ['pauseRecording', 'resumeRecording'];

function callControlOperation(action: string, displayName: string, description: string) {
  const operation: OperationDef = {
    id: `call.${action}`,
    resource: 'call',
    operation: action,
    displayName,
    description,
    method: 'PUT',
    service: 'media',
    path: '/endpoints/{endpointId}/calls/{callId}',
    fixedBody: { action },
    parameters: [endpointIdParam, callIdParam, argsParam],
  };
  return operation;
}

export const mitelMediaOperations: OperationDef[] = [
  {
    id: 'callRecord.list',
    resource: 'callRecord',
    operation: 'list',
    displayName: 'List Call Records',
    description: 'Read the call history: who called whom, when, direction and outcome.',
    method: 'GET',
    service: 'media',
    path: '/calls/records',
    parameters: [
      filterParam,
      {
        name: 'top',
        displayName: 'Page Size',
        type: 'number',
        in: 'query',
        wireName: '$top',
        description: 'Records per page ($top); "Return All" follows the next links page by page',
      },
      {
        name: 'skip',
        displayName: 'Skip',
        type: 'number',
        in: 'query',
        wireName: '$skip',
        description: 'Records to skip before the first page ($skip)',
      },
      {
        name: 'skipToken',
        displayName: 'Skip Token',
        type: 'string',
        in: 'query',
        wireName: '$skiptoken',
        advanced: true,
        description: 'Continue after a page: the $skiptoken of an earlier next link',
      },
    ],
    pagination: HAL,
    idempotent: true,
  },
  {
    id: 'callRecord.hide',
    resource: 'callRecord',
    operation: 'hide',
    displayName: 'Hide Call Records',
    description:
      'Hide call records from the history (PUT {hide: true}); the filter chooses which ones.',
    method: 'PUT',
    service: 'media',
    path: '/calls/records',
    parameters: [
      { ...filterParam, description: 'OData filter ($filter) choosing the records to hide' },
      {
        name: 'hide',
        displayName: 'Hide',
        type: 'boolean',
        in: 'body',
        required: true,
        default: true,
        description: 'true hides the records',
      },
    ],
    idempotent: true,
  },
  {
    id: 'call.create',
    resource: 'call',
    operation: 'create',
    displayName: 'Place Call',
    description: 'Place a call from one of your endpoints to a number or user.',
    method: 'POST',
    service: 'media',
    path: '/endpoints/{endpointId}/calls',
    parameters: [
      {
        ...endpointIdParam,
        description: 'The endpoint (device or softphone) that places the call',
      },
      {
        name: 'to',
        displayName: 'To',
        type: 'string',
        in: 'body',
        required: true,
        description: 'Destination number or extension',
      },
      text('from', 'From', 'Caller id to present, when allowed'),
      text('fromName', 'From Name', 'Caller name to present, when allowed'),
      {
        name: 'originateTimeout',
        displayName: 'Originate Timeout (s)',
        type: 'number',
        in: 'body',
        required: true,
        default: 30,
        minValue: 0,
        maxValue: 120,
        description: 'How long to ring the endpoint before giving up, 0 to 120 seconds',
      },
      {
        name: 'record',
        displayName: 'Record',
        type: 'boolean',
        in: 'body',
        description: 'Record the call',
      },
      text('successUrl', 'Success URL', 'URL called when the call is set up'),
      text('failureUrl', 'Failure URL', 'URL called when the call cannot be set up'),
      text('associatedCallId', 'Associated Call ID', 'A call this one belongs with'),
      {
        name: 'executeOnAnswer',
        displayName: 'Execute On Answer',
        type: 'options',
        in: 'body',
        default: '',
        options: [
          { value: 'bridge', name: 'Bridge', description: 'Connect the destination on answer' },
          { value: '', name: 'Nothing' },
        ],
      },
      additionalFieldsParameter('Other call fields as a JSON object'),
    ],
  },
  ...MITEL_CALL_ACTIONS.map((item) =>
    callControlOperation(item.action, item.displayName, item.description),
  ),
  {
    ...callControlOperation(
      'recording',
      'Pause or Resume Recording',
      'Pause or resume the recording of a call.',
    ),
    fixedBody: {},
    parameters: [
      endpointIdParam,
      callIdParam,
      {
        name: 'action',
        displayName: 'Action',
        type: 'options',
        in: 'body',
        required: true,
        default: MITEL_RECORDING_ACTIONS[0],
        allowCustomValues: true,
        options: MITEL_RECORDING_ACTIONS.map((value) => ({ value, name: value })),
        description:
          'The recording action; Mitel’s public specification does not spell the names out, so another can be typed',
      },
      argsParam,
    ],
  },
];
