// Credentials (seeded emulator secrets, which double as sentinels) and workflows for every
// provider, in the JSON shape `n8n import:*` reads.
import { randomUUID } from 'node:crypto';
import { getProfile, profiles } from '@switchboard/core';
import { EMULATOR_SEED, providerModules } from '@switchboard/emulator';
import { PACKAGE_NAME } from './harness';

const mitel = EMULATOR_SEED.mitel.prod;

export interface ProviderCase {
  key: string;
  credentialType: string;
  nodeType: string;
  credential: Record<string, unknown>;
  parameters: Record<string, unknown>;
  /** Secrets that must never show up outside n8n's encrypted credential store. */
  secrets: string[];
}

const node = (name: string) => `${PACKAGE_NAME}.${name}`;

/** Profile ids the hand-written cases below cover, each with a deliberately chosen variant. */
const HAND_WRITTEN = new Set([
  'mitel-cloudlink',
  'dell-cloudlink',
  'bright-pattern',
  'sangoma-cx',
  'generic-oauth2',
]);

/**
 * Every other registered profile, as its emulator module declares its connection: the node runs
 * the profile's who-am-I operation with every other parameter left alone. A new provider gets
 * its n8n e2e case from its profile and emulator module, with nothing to add here.
 */
export function derivedCases(emulatorUrl: string): ProviderCase[] {
  return profiles
    .filter((profile) => !HAND_WRITTEN.has(profile.id))
    .map((profile) => {
      const module = providerModules.find((candidate) => candidate.profileId === profile.id);
      if (module === undefined) throw new Error(`No emulator provider declares "${profile.id}".`);
      const whoAmI = profile.operations.find((operation) => operation.id === profile.whoAmI);
      if (whoAmI === undefined) throw new Error(`Profile "${profile.id}" declares no whoAmI.`);
      const credential = Object.fromEntries(
        Object.entries(module.connection(emulatorUrl).values).map(([name, value]) => [
          name,
          Array.isArray(value) ? value.join(' ') : value,
        ]),
      );
      const secretNames = getProfile(profile.id).fields.filter((field) => field.secret);
      return {
        key: module.name,
        credentialType: profile.platform.n8n.credentialName,
        nodeType: node(profile.platform.n8n.nodeName),
        credential,
        parameters: { resource: whoAmI.resource, operation: whoAmI.operation },
        secrets: secretNames.map((field) => String(credential[field.name] ?? '')).filter(Boolean),
      };
    });
}

export function providerCases(emulatorUrl: string): ProviderCase[] {
  return [...handWrittenCases(emulatorUrl), ...derivedCases(emulatorUrl)];
}

function handWrittenCases(emulatorUrl: string): ProviderCase[] {
  return [
    {
      key: 'mitel',
      credentialType: 'mitelCloudLinkApi',
      nodeType: node('mitelCloudLink'),
      credential: {
        environment: 'custom',
        customBaseUrl: `${emulatorUrl}/mitel/prod/{service}/2017-09-01`,
        grantType: 'client_credentials',
        clientId: mitel.clients.acmeAdmin.clientId,
        clientSecret: mitel.clients.acmeAdmin.clientSecret,
        accountId: mitel.clients.acmeAdmin.accountId,
        assumeRole: '',
        clientAuth: 'body',
      },
      parameters: {
        resource: 'user',
        operation: 'list',
        accountId: mitel.accounts.acme.accountId,
        // Page size chosen in Options, as a person adds it; everything else left alone.
        options: { top: 20 },
        returnAll: false,
        limit: 25,
      },
      secrets: [mitel.clients.acmeAdmin.clientSecret],
    },
    {
      key: 'dell',
      credentialType: 'dellCloudLinkCenterApi',
      nodeType: node('dellCloudLinkCenter'),
      credential: {
        baseUrl: `${emulatorUrl}/dell`,
        clientId: EMULATOR_SEED.dell.clients.special.clientId,
        clientSecret: EMULATOR_SEED.dell.clients.special.clientSecret,
        scope: 'all',
        allowSelfSigned: false,
      },
      parameters: { resource: 'machine', operation: 'list' },
      secrets: [EMULATOR_SEED.dell.clients.special.clientSecret],
    },
    {
      key: 'bright-pattern',
      credentialType: 'brightPatternApi',
      nodeType: node('brightPattern'),
      credential: {
        baseUrl: `${emulatorUrl}/bright-pattern`,
        tenant: EMULATOR_SEED['bright-pattern'].clients.acme.tenant,
        clientId: EMULATOR_SEED['bright-pattern'].clients.acme.clientId,
        clientSecret: EMULATOR_SEED['bright-pattern'].clients.acme.clientSecret,
      },
      parameters: {
        resource: 'user',
        operation: 'get',
        loginId: EMULATOR_SEED['bright-pattern'].users.existing,
      },
      secrets: [EMULATOR_SEED['bright-pattern'].clients.acme.clientSecret],
    },
    {
      key: 'sangoma',
      credentialType: 'sangomaCxApi',
      nodeType: node('sangomaCx'),
      credential: {
        clientId: EMULATOR_SEED.sangoma.clients.rawSecret.clientId,
        clientSecret: EMULATOR_SEED.sangoma.clients.rawSecret.clientSecret,
        scopes: EMULATOR_SEED.sangoma.scopes.join(' '),
        tenantDomain: EMULATOR_SEED.sangoma.clients.rawSecret.tenantDomain,
        tokenUrl: `${emulatorUrl}/sangoma/auth/oauth/token`,
        apiBaseUrl: `${emulatorUrl}/sangoma/cpaas/cx/api/v1`,
        basicEncoding: 'raw',
      },
      parameters: {
        resource: 'agent',
        operation: 'call',
        agentName: EMULATOR_SEED.sangoma.agents[0],
        destination: '+14155550100',
      },
      secrets: [EMULATOR_SEED.sangoma.clients.rawSecret.clientSecret],
    },
    {
      key: 'generic',
      credentialType: 'switchboardOAuth2Api',
      nodeType: node('switchboardOAuth2'),
      credential: {
        tokenUrl: `${emulatorUrl}/generic/oauth/token`,
        grantType: 'client_credentials',
        clientId: EMULATOR_SEED.generic.clients.service.clientId,
        clientSecret: EMULATOR_SEED.generic.clients.service.clientSecret,
        clientAuth: 'basic',
        basicEncoding: 'strict',
        scope: 'read write',
        apiBaseUrl: `${emulatorUrl}/generic/api`,
      },
      parameters: { resource: 'custom', operation: 'request', method: 'GET', path: '/me' },
      secrets: [EMULATOR_SEED.generic.clients.service.clientSecret],
    },
  ];
}

// n8n ids are 16 letters and digits: a key such as `bright-pattern` loses its hyphen.
const idPart = (key: string): string => key.replace(/[^A-Za-z0-9]/g, '');
export const credentialId = (key: string): string =>
  `cred${idPart(key).padEnd(12, '0')}`.slice(0, 16);
export const workflowId = (key: string): string => `wf${idPart(key).padEnd(14, '0')}`.slice(0, 16);

export function credentialJson(entry: ProviderCase): Record<string, unknown> {
  return {
    id: credentialId(entry.key),
    name: `${entry.key} e2e`,
    type: entry.credentialType,
    data: { ...entry.credential, accessToken: '' },
  };
}

/** Manual trigger → the provider node (continueOnFail off: a failure fails the execution). */
export function workflowJson(
  id: string,
  entry: ProviderCase,
  parameters: Record<string, unknown> = entry.parameters,
): Record<string, unknown> {
  return {
    id,
    name: `${entry.key} ${id}`,
    active: false,
    settings: { executionOrder: 'v1', saveManualExecutions: true },
    connections: { Start: { main: [[{ node: 'Switchboard', type: 'main', index: 0 }]] } },
    nodes: [
      {
        id: randomUUID(),
        name: 'Start',
        type: 'n8n-nodes-base.manualTrigger',
        typeVersion: 1,
        position: [0, 0],
        parameters: {},
      },
      {
        id: randomUUID(),
        name: 'Switchboard',
        type: entry.nodeType,
        typeVersion: 1,
        position: [240, 0],
        parameters,
        credentials: {
          [entry.credentialType]: { id: credentialId(entry.key), name: `${entry.key} e2e` },
        },
      },
    ],
  };
}

export function triggerWorkflowJson(
  id: string,
  entry: ProviderCase,
  topic: string,
): Record<string, unknown> {
  return {
    id,
    name: `mitel trigger ${id}`,
    active: false,
    settings: { executionOrder: 'v1' },
    connections: {},
    nodes: [
      {
        id: randomUUID(),
        name: 'CloudLink Trigger',
        type: `${PACKAGE_NAME}.mitelCloudLinkTrigger`,
        typeVersion: 1,
        position: [0, 0],
        webhookId: randomUUID(),
        parameters: { topic, applicationId: 'switchboard-e2e' },
        credentials: {
          [entry.credentialType]: { id: credentialId(entry.key), name: `${entry.key} e2e` },
        },
      },
    ],
  };
}

/** The same workflow with the Switchboard node's "On Error" set to continue (Continue On Fail). */
export function continueOnFail(workflow: Record<string, unknown>): Record<string, unknown> {
  const nodes = (workflow.nodes as Array<Record<string, unknown>>).map((node) =>
    node.name === 'Switchboard' ? { ...node, onError: 'continueRegularOutput' } : node,
  );
  return { ...workflow, nodes };
}

export interface OutputItem {
  json: Record<string, unknown>;
  binary?: Record<string, { fileName?: string; mimeType?: string; fileSize?: string }>;
}

/** The JSON items a node (default: the Switchboard node) produced in one `n8n execute` run. */
export function nodeItems(log: string, nodeName = 'Switchboard'): Array<Record<string, unknown>> {
  return nodeOutput(log, nodeName).map((item) => item.json);
}

/** The items (JSON and binary metadata) a node produced in one `n8n execute` run. */
export function nodeOutput(log: string, nodeName: string): OutputItem[] {
  // `execute` prints the run data through n8n's logger: one JSON log line whose message is it.
  const printed = log
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map(
      (line) =>
        JSON.parse(line) as { message: string; metadata?: { file?: string; function?: string } },
    )
    .find(
      (entry) => entry.metadata?.file === 'base-command.js' && entry.metadata.function === 'log',
    );
  if (printed === undefined) throw new Error(`no run data in n8n's log:\n${log.slice(-2000)}`);
  const run = JSON.parse(printed.message) as {
    data: {
      resultData: {
        runData: Record<string, Array<{ data?: { main?: OutputItem[][] } }>>;
      };
    };
  };
  return run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [];
}
