// Sangoma CX (CPaaS).
import { BASIC_ENCODING_OPTIONS, CUSTOM_RESOURCE, customRequestOperation } from './shared';
import { defineProfile } from './define';
import type { OperationDef, ParameterDef } from './types';

export const SANGOMA_SCOPES = ['cx.agent-calls', 'cx.queue-calls', 'cx.digital-interactions'];

const TENANT = { tenant_domain: 'tenantDomain' };

function text(
  name: string,
  displayName: string,
  wireName: string,
  description: string,
): ParameterDef {
  return { name, displayName, type: 'string', in: 'body', wireName, required: true, description };
}

function post(
  id: string,
  displayName: string,
  description: string,
  path: string,
  requiredScope: string,
  parameters: ParameterDef[],
  fixedBody?: Record<string, unknown>,
): OperationDef {
  const [resource = id, operation = id] = id.split('.');
  return {
    id,
    resource,
    operation,
    displayName,
    description,
    method: 'POST',
    path,
    parameters,
    bodyFromCredentials: TENANT,
    requiredScope,
    ...(fixedBody === undefined ? {} : { fixedBody }),
  };
}

const destination = text(
  'destination',
  'Destination',
  'destination',
  'Number to call, in international format',
);
const conversationId = text(
  'conversationId',
  'Conversation ID',
  'conversation_id',
  'The digital-interaction conversation',
);

export const sangomaCx = defineProfile({
  id: 'sangoma-cx',
  displayName: 'Sangoma CX',
  description:
    'Sangoma CX contact-centre CPaaS: click-to-call, call-backs, digital interactions. Tokens last about a year and can be renewed only once expired: use a persistent token store (file or Redis) so a restart does not ask for a new one.',
  docsUrl: 'https://www.sangoma.com/',
  platform: {
    icon: 'sangoma',
    n8n: {
      nodeClassName: 'SangomaCx',
      nodeName: 'sangomaCx',
      credentialClassName: 'SangomaCxApi',
      credentialName: 'sangomaCxApi',
      credentialDisplayName: 'Sangoma CX API',
    },
    diagnosis: {
      scopes:
        'Enable them for this client in CX under System › Configuration › CPaaS Credentials, or remove the ones it does not have.',
    },
  },
  fields: [
    {
      name: 'clientId',
      displayName: 'Client ID',
      type: 'string',
      required: true,
      description: 'From CX: System › Configuration › CPaaS Credentials',
    },
    {
      name: 'clientSecret',
      displayName: 'Client Secret',
      type: 'string',
      secret: true,
      required: true,
    },
    {
      name: 'scopes',
      displayName: 'Scopes',
      type: 'multiOptions',
      required: true,
      allowCustomValues: true,
      default: [...SANGOMA_SCOPES],
      options: SANGOMA_SCOPES.map((value) => ({ value, name: value })),
      description:
        'At least one; each operation needs its scope. Tokens last about a year and can be renewed only once expired, so use a persistent token store (file or Redis) to keep them across restarts.',
    },
    {
      name: 'tenantDomain',
      displayName: 'Tenant Domain',
      type: 'string',
      required: true,
      placeholder: 'acme.cx.sangoma.com',
      description: 'Sent as tenant_domain in every request',
    },
    {
      name: 'tokenUrl',
      displayName: 'Token URL',
      type: 'string',
      format: 'url',
      required: true,
      default: 'https://auth.sangoma.com/oauth/token',
      advanced: true,
    },
    {
      name: 'apiBaseUrl',
      displayName: 'API Base URL',
      type: 'string',
      format: 'url',
      required: true,
      default: 'https://cpaas.sangoma.com/cx/api/v1',
      advanced: true,
    },
    {
      name: 'basicEncoding',
      displayName: 'Basic Authentication Encoding',
      type: 'options',
      default: 'raw',
      advanced: true,
      options: [BASIC_ENCODING_OPTIONS.raw, BASIC_ENCODING_OPTIONS.strict],
      description: 'Change only if a secret with special characters is rejected',
    },
  ],
  token: {
    url: '{tokenUrl}',
    grants: ['client_credentials'],
    clientAuth: 'basic',
    basicEncodingField: 'basicEncoding',
    scopeField: 'scopes',
    defaultExpiresInSec: 3600,
    supportsRefresh: false,
  },
  renewal: { mode: 'at-expiry' },
  baseUrls: { api: '{apiBaseUrl}' },
  resources: [
    { value: 'agent', name: 'Agent' },
    { value: 'queue', name: 'Queue' },
    { value: 'message', name: 'Message' },
    { value: 'webhook', name: 'Webhook' },
    { value: 'conversation', name: 'Conversation' },
    { value: 'agentBot', name: 'Agent Bot' },
    { value: 'inbox', name: 'Inbox' },
    CUSTOM_RESOURCE,
  ],
  operations: [
    post(
      'agent.call',
      'Agent Call',
      'Click-to-call: ring an agent, then connect them to a destination.',
      '/agents/call/',
      'cx.agent-calls',
      [text('agentName', 'Agent Name', 'agent_name', 'The agent’s user name'), destination],
    ),
    post(
      'queue.call',
      'Queue Call',
      'Call back now: put a call to the destination into a queue.',
      '/queues/call/',
      'cx.queue-calls',
      [text('queueName', 'Queue Name', 'queue_name', 'The queue’s name'), destination],
    ),
    post(
      'message.send',
      'Send Message',
      'Send an outgoing message into a digital-interaction conversation.',
      '/digital-interactions/messages/',
      'cx.digital-interactions',
      [conversationId, text('content', 'Content', 'content', 'The message text')],
      { message_type: 'outgoing' },
    ),
    post(
      'webhook.create',
      'Create Webhook',
      'Register a URL for conversation and message events.',
      '/digital-interactions/webhooks/',
      'cx.digital-interactions',
      [
        text('url', 'URL', 'url', 'The URL events are POSTed to'),
        {
          name: 'subscriptions',
          displayName: 'Events',
          type: 'multiOptions',
          in: 'body',
          required: true,
          default: ['conversation_created', 'message_created'],
          options: [
            { value: 'conversation_created', name: 'Conversation Created' },
            { value: 'message_created', name: 'Message Created' },
          ],
        },
      ],
    ),
    post(
      'conversation.deliverToAgent',
      'Deliver to Agent',
      'Hand a conversation over to a human agent.',
      '/digital-interactions/conversations/deliver-to-agent/',
      'cx.digital-interactions',
      [conversationId],
    ),
    post(
      'agentBot.create',
      'Create Agent Bot',
      'Register a bot that receives conversations at its outgoing URL.',
      '/digital-interactions/agent-bot/',
      'cx.digital-interactions',
      [
        text('name', 'Name', 'name', 'The bot’s name'),
        text(
          'outgoingUrl',
          'Outgoing URL',
          'outgoing_url',
          'The URL CX sends conversation events to',
        ),
      ],
    ),
    {
      id: 'inbox.list',
      resource: 'inbox',
      operation: 'list',
      displayName: 'List Inboxes',
      description: 'List the digital-interaction inboxes of the tenant.',
      method: 'GET',
      path: '/digital-interactions/inboxes/',
      parameters: [],
      requiredScope: 'cx.digital-interactions',
      idempotent: true,
    },
    customRequestOperation(['api']),
  ],
});
