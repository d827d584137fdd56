// Flows the e2e suite deploys: for every provider an HTTP endpoint that runs one operation
// through the installed palette, the token node feeding the stock http request node, and the
// CloudLink notifications node collecting events that another endpoint returns.
import type { ProviderId } from '@switchboard/core';
import {
  emulatorConnections,
  MITEL_ACCOUNT_ID,
} from '../../../packages/node-red/test/emulator-connections';
import type { FlowNode } from './admin-api';

const TAB = 'e2e-tab';
/** Config node ids of the emulator connections, by provider. */
const CONNECTION_IDS = Object.fromEntries(
  Object.values(emulatorConnections('http://unused')).map((fixture) => [
    fixture.provider,
    fixture.node.id,
  ]),
) as Record<ProviderId, string>;
let row = 0;

function place(
  node: Record<string, unknown> & { id: string; type: string },
  column: number,
): FlowNode {
  return { x: 150 + column * 200, y: 60 + row * 60, z: TAB, ...node };
}

/** http in → nodes → http response, with a Catch that answers 500 with msg.error. */
function endpoint(
  name: string,
  method: 'get' | 'post',
  url: string,
  middle: FlowNode[],
): FlowNode[] {
  row += 1;
  const ids = middle.map((node) => node.id);
  const chain = middle.map((node, index) =>
    place({ ...node, wires: [[ids[index + 1] ?? `${name}-clean`]] }, index + 1),
  );
  const nodes: FlowNode[] = [
    place(
      {
        id: `${name}-in`,
        type: 'http in',
        url,
        method,
        upload: false,
        swaggerDoc: '',
        wires: [[ids[0] ?? '']],
      },
      0,
    ),
    ...chain,
    place(
      {
        id: `${name}-clean`,
        type: 'change',
        rules: [{ t: 'delete', p: 'headers', pt: 'msg' }],
        wires: [[`${name}-out`]],
      },
      middle.length + 1,
    ),
    place(
      { id: `${name}-out`, type: 'http response', statusCode: '', headers: {}, wires: [] },
      middle.length + 2,
    ),
  ];
  row += 1;
  nodes.push(
    place(
      {
        id: `${name}-catch`,
        type: 'catch',
        scope: ids,
        uncaught: false,
        wires: [[`${name}-fail`]],
      },
      0,
    ),
    place(
      {
        id: `${name}-fail`,
        type: 'change',
        rules: [
          { t: 'set', p: 'payload', pt: 'msg', to: 'error', tot: 'msg' },
          { t: 'set', p: 'statusCode', pt: 'msg', to: '500', tot: 'num' },
          { t: 'delete', p: 'headers', pt: 'msg' },
        ],
        wires: [[`${name}-out`]],
      },
      1,
    ),
  );
  return nodes;
}

function api(
  id: string,
  provider: ProviderId,
  operation: string,
  params: Record<string, { v: string; t: string }>,
  extra: Record<string, unknown> = {},
): FlowNode {
  return {
    id,
    type: `switchboard-${provider}`,
    connection: CONNECTION_IDS[provider],
    operation,
    params,
    returnAll: false,
    limit: 50,
    output: 'array',
    ...extra,
  };
}

export interface E2eFlowOptions {
  emulatorUrl: string;
  nodeRedUrl: string;
  /** Sangoma tokens live in this encrypted file (to show reuse across a restart). */
  sangomaTokenFile: string;
}

/** Config nodes with their credentials inline, as the admin API accepts them on deploy. */
export function e2eConfigNodes(options: E2eFlowOptions): FlowNode[] {
  const connections = emulatorConnections(options.emulatorUrl, {
    'sangoma-cx': {
      tokenStore: 'file',
      tokenStorePath: options.sangomaTokenFile,
      encryptionKey: 'e2e-token-file-key-5b1d',
    },
  });
  return Object.values(connections).map((connection) => ({
    ...connection.node,
    credentials: connection.credentials,
  }));
}

export function e2eFlows(options: E2eFlowOptions): FlowNode[] {
  row = 0;
  return [
    { id: TAB, type: 'tab', label: 'Switchboard e2e' },
    ...e2eConfigNodes(options),
    ...endpoint('mitel-users', 'get', '/e2e/mitel/users', [
      api(
        'api-mitel',
        'mitel-cloudlink',
        'user.list',
        { accountId: { v: MITEL_ACCOUNT_ID, t: 'str' } },
        { returnAll: true },
      ),
    ]),
    ...endpoint('dell', 'get', '/e2e/dell/machines', [
      api('api-dell', 'dell-cloudlink', 'machine.list', {}),
    ]),
    ...endpoint('bright', 'get', '/e2e/bright/user', [
      api('api-bright', 'bright-pattern', 'user.get', {
        loginId: { v: 'req.query.loginId', t: 'msg' },
      }),
    ]),
    ...endpoint('sangoma', 'post', '/e2e/sangoma/call', [
      api('api-sangoma', 'sangoma-cx', 'agent.call', {
        agentName: { v: 'payload.agent', t: 'msg' },
        destination: { v: 'payload.destination', t: 'msg' },
      }),
    ]),
    ...endpoint('generic', 'get', '/e2e/generic/me', [
      api('api-generic', 'generic-oauth2', 'custom.request', {
        method: { v: 'GET', t: 'option' },
        path: { v: '/me', t: 'str' },
      }),
    ]),
    ...endpoint('token', 'get', '/e2e/token/me', [
      {
        id: 'token-reset',
        type: 'change',
        rules: [
          { t: 'delete', p: 'headers', pt: 'msg' },
          {
            t: 'set',
            p: 'url',
            pt: 'msg',
            to: `${options.emulatorUrl}/generic/api/me`,
            tot: 'str',
          },
        ],
      },
      { id: 'token-node', type: 'switchboard-token', connection: CONNECTION_IDS['generic-oauth2'] },
      {
        id: 'token-http',
        type: 'http request',
        method: 'GET',
        ret: 'obj',
        paytoqs: 'ignore',
        url: '',
        tls: '',
        persist: false,
        proxy: '',
        insecureHTTPParser: false,
        authType: '',
        senderr: true,
        headers: [],
      },
    ]),
    ...notificationFlow(options),
  ];
}

function notificationFlow(options: E2eFlowOptions): FlowNode[] {
  row += 2;
  return [
    place(
      {
        id: 'events',
        type: 'switchboard-mitel-notifications',
        connection: CONNECTION_IDS['mitel-cloudlink'],
        publicUrl: options.nodeRedUrl,
        path: '/e2e/mitel/webhook',
        topic: 'platform-api-media',
        applicationId: '',
        subjectFilter: '',
        publicationFilter: '',
        wires: [['events-keep']],
      },
      0,
    ),
    place(
      {
        id: 'events-keep',
        type: 'function',
        func: "const events = global.get('events') || [];\nevents.push(msg.notification);\nglobal.set('events', events);\nreturn null;",
        outputs: 1,
        wires: [[]],
      },
      1,
    ),
    ...endpoint('events-read', 'get', '/e2e/events', [
      {
        id: 'events-load',
        type: 'change',
        rules: [{ t: 'set', p: 'payload', pt: 'msg', to: 'events', tot: 'global' }],
      },
    ]),
  ];
}
