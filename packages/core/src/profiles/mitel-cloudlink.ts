// Mitel CloudLink, from Mitel's developer documentation (https://developer.mitel.io/).
import {
  CLIENT_AUTH_OPTIONS,
  CUSTOM_RESOURCE,
  EARLY_RENEWAL,
  additionalFieldsParameter,
  customRequestOperation,
  passwordGrantFields,
} from './shared';
import { mitelMediaOperations } from './mitel-media';
import { defineProfile } from './define';
import type { OperationDef, ParameterDef } from './types';

/**
 * The API version in each service's base path. These five use 2017-09-01; other Mitel services
 * use 2018-07-01, 2019-03-01, 2020-06-19 or 2023-07-01, so the version is kept per service.
 */
const API_VERSIONS: Record<string, string> = {
  authentication: '2017-09-01',
  admin: '2017-09-01',
  media: '2017-09-01',
  chat: '2017-09-01',
  notifications: '2017-09-01',
};
const SERVICES = Object.keys(API_VERSIONS);
const HAL = { style: 'hal-next', itemsPath: '_embedded.items', nextPath: '_links.next' } as const;
const ROLES = ['PARTNER_ADMIN', 'ACCOUNT_ADMIN', 'USER', 'GUEST'];

const accountIdParam: ParameterDef = {
  name: 'accountId',
  displayName: 'Account ID',
  type: 'string',
  in: 'path',
  required: true,
  description: 'The CloudLink account id',
};

/** Mitel user items carry each user's SIP password; Mitel's own scripts strip it. */
const includeSipPasswordParam: ParameterDef = {
  name: 'includeSensitiveFields',
  displayName: 'Include SIP Password',
  type: 'boolean',
  in: 'local',
  default: false,
  description:
    'Keep each user’s sipPassword in the output. Off by default: it is a phone-line secret, and Mitel’s own scripts remove it.',
};
const SIP_PASSWORD = { fields: ['sipPassword'], keepParameter: includeSipPasswordParam.name };

const pageSizeParam: ParameterDef = {
  name: 'top',
  displayName: 'Page Size',
  type: 'number',
  in: 'query',
  wireName: '$top',
  description: 'Items per page ($top); "Return All" follows the next links page by page',
};

const operations: OperationDef[] = [
  {
    id: 'auth.whoAmI',
    resource: 'auth',
    operation: 'whoAmI',
    displayName: 'Who Am I',
    description: 'Return the claims of the current token: principal, account and role.',
    method: 'GET',
    service: 'authentication',
    path: '/token',
    parameters: [],
    idempotent: true,
  },
  {
    id: 'account.get',
    resource: 'account',
    operation: 'get',
    displayName: 'Get Account',
    description: 'Get one CloudLink account by id.',
    method: 'GET',
    service: 'admin',
    path: '/accounts/{accountId}',
    parameters: [accountIdParam],
    idempotent: true,
  },
  {
    id: 'user.list',
    resource: 'user',
    operation: 'list',
    displayName: 'List Users',
    description: 'List the users of an account.',
    method: 'GET',
    service: 'admin',
    path: '/accounts/{accountId}/users',
    parameters: [
      accountIdParam,
      pageSizeParam,
      {
        name: 'filter',
        displayName: 'Filter',
        type: 'string',
        in: 'query',
        wireName: '$filter',
        placeholder: "startswith(email,'a')",
        description: 'OData filter ($filter) over the user fields',
      },
      {
        name: 'expand',
        displayName: 'Expand',
        type: 'string',
        in: 'query',
        wireName: '$expand',
        placeholder: 'tags',
        description: 'Related data to include ($expand), for example tags',
      },
      includeSipPasswordParam,
    ],
    pagination: HAL,
    idempotent: true,
    sensitiveResponseFields: SIP_PASSWORD,
  },
  {
    id: 'user.get',
    resource: 'user',
    operation: 'get',
    displayName: 'Get User',
    description: 'Get one user by id.',
    method: 'GET',
    service: 'admin',
    path: '/users/{userId}',
    parameters: [
      { name: 'userId', displayName: 'User ID', type: 'string', in: 'path', required: true },
      includeSipPasswordParam,
    ],
    idempotent: true,
    sensitiveResponseFields: SIP_PASSWORD,
  },
  ...mitelMediaOperations,
  {
    id: 'conversation.create',
    resource: 'conversation',
    operation: 'create',
    displayName: 'Create Conversation',
    description: 'Start a chat conversation with users, SMS numbers or workflows.',
    method: 'POST',
    service: 'chat',
    path: '/conversations',
    parameters: [
      {
        name: 'participants',
        displayName: 'Participants (JSON)',
        type: 'json',
        in: 'body',
        wireName: 'originalParticipants',
        required: true,
        transform: 'upperCase',
        transformKey: 'type',
        placeholder: '[{"type": "USER", "participantId": "<user id>"}]',
        description:
          'JSON array of {type, participantId}; type is USER, SMS or WORKFLOW (any case: it is sent upper case)',
      },
      {
        name: 'name',
        displayName: 'Name',
        type: 'string',
        in: 'body',
        description: 'Conversation name',
      },
      additionalFieldsParameter('Other conversation fields as a JSON object'),
    ],
  },
  {
    id: 'conversation.sendMessage',
    resource: 'conversation',
    operation: 'sendMessage',
    displayName: 'Send Message',
    description: 'Send a text message into a conversation.',
    method: 'POST',
    service: 'chat',
    path: '/conversations/{conversationId}/messages',
    parameters: [
      {
        name: 'conversationId',
        displayName: 'Conversation ID',
        type: 'string',
        in: 'path',
        required: true,
      },
      {
        name: 'body',
        displayName: 'Text',
        type: 'string',
        in: 'body',
        required: true,
        description: 'The message text',
      },
      {
        name: 'contentType',
        displayName: 'Content Type',
        type: 'string',
        in: 'body',
        default: 'text/plain',
        advanced: true,
      },
    ],
  },
  {
    id: 'subscription.create',
    resource: 'subscription',
    operation: 'create',
    displayName: 'Create Webhook Subscription',
    description: 'Subscribe a webhook URL to notifications (for example completed calls).',
    method: 'POST',
    service: 'notifications',
    path: '/subscriptions',
    fixedBody: { transport: 'webhook' },
    parameters: [
      {
        name: 'applicationId',
        displayName: 'Application ID',
        type: 'string',
        in: 'body',
        required: true,
        description: 'Your CloudLink application (client) id',
      },
      {
        name: 'webhookUrl',
        displayName: 'Webhook URL',
        type: 'string',
        in: 'body',
        wireName: 'deviceId',
        required: true,
        description: 'The URL notifications are POSTed to',
      },
      {
        name: 'topic',
        displayName: 'Topic',
        type: 'string',
        in: 'body',
        required: true,
        default: 'platform-api-media',
        description: 'Notification topic, for example platform-api-media',
      },
      {
        name: 'subjectFilter',
        displayName: 'Subject Filter',
        type: 'string',
        in: 'body',
        description: 'Only subjects matching this filter',
      },
      {
        name: 'publicationFilter',
        displayName: 'Publication Filter',
        type: 'string',
        in: 'body',
        description: 'Only publications matching this filter',
      },
      {
        name: 'methodFilter',
        displayName: 'Method Filter',
        type: 'string',
        in: 'body',
        description: 'Only notifications of this method, for example UPDATE',
      },
    ],
  },
  {
    id: 'subscription.list',
    resource: 'subscription',
    operation: 'list',
    displayName: 'List Subscriptions',
    description: 'List the notification subscriptions.',
    method: 'GET',
    service: 'notifications',
    path: '/subscriptions',
    parameters: [],
    pagination: HAL,
    idempotent: true,
  },
  {
    id: 'subscription.delete',
    resource: 'subscription',
    operation: 'delete',
    displayName: 'Delete Subscription',
    description: 'Delete a notification subscription.',
    method: 'DELETE',
    service: 'notifications',
    path: '/subscriptions/{subscriptionId}',
    parameters: [
      {
        name: 'subscriptionId',
        displayName: 'Subscription ID',
        type: 'string',
        in: 'path',
        required: true,
      },
    ],
    idempotent: true,
  },
  {
    id: 'client.create',
    resource: 'client',
    operation: 'create',
    displayName: 'Create Application Client',
    description:
      'Create an application client (service account) for client-credentials sign-in; the response holds its secret.',
    method: 'POST',
    service: 'admin',
    path: '/accounts/{accountId}/clients',
    fixedBody: { type: 'APP' },
    parameters: [
      accountIdParam,
      {
        name: 'role',
        displayName: 'Role',
        type: 'options',
        in: 'body',
        required: true,
        default: 'USER',
        options: ROLES.filter((role) => role !== 'GUEST').map((value) => ({ value, name: value })),
        description: 'PARTNER_ADMIN only in a partner account',
      },
      {
        name: 'clientId',
        displayName: 'Client ID',
        type: 'string',
        in: 'body',
        description: 'Optional: choose the client id yourself',
      },
      {
        name: 'name',
        displayName: 'Name',
        type: 'string',
        in: 'body',
        description: 'A name to recognise the client by',
      },
    ],
  },
  // Any endpoint may answer users (/users/{id}, ...): the custom request strips them too.
  withSipPasswordOption(customRequestOperation(SERVICES)),
];

function withSipPasswordOption(operation: OperationDef): OperationDef {
  return {
    ...operation,
    parameters: [...operation.parameters, includeSipPasswordParam],
    sensitiveResponseFields: SIP_PASSWORD,
  };
}

export const mitelCloudLink = defineProfile({
  id: 'mitel-cloudlink',
  displayName: 'Mitel CloudLink',
  description: 'Mitel CloudLink platform APIs: users, call history, calls, chat, notifications.',
  docsUrl: 'https://developer.mitel.io/',
  platform: {
    icon: 'mitel',
    n8n: {
      nodeClassName: 'MitelCloudLink',
      nodeName: 'mitelCloudLink',
      credentialClassName: 'MitelCloudLinkApi',
      credentialName: 'mitelCloudLinkApi',
      credentialDisplayName: 'Mitel CloudLink API',
    },
  },
  fields: [
    {
      name: 'environment',
      displayName: 'Environment',
      type: 'options',
      required: true,
      default: 'production',
      options: [
        { value: 'production', name: 'Production', description: 'https://<service>.api.mitel.io' },
        { value: 'sandbox', name: 'Sandbox', description: 'https://<service>.dev.api.mitel.io' },
        { value: 'region', name: 'Region', description: 'https://<service>.<region>.api.mitel.io' },
        { value: 'custom', name: 'Custom Base URL', description: 'Any base URL template' },
      ],
      description:
        'Production and sandbox reject each other’s credentials and tokens: pick the one your application was created in.',
    },
    {
      name: 'region',
      displayName: 'Region',
      type: 'string',
      required: true,
      placeholder: 'eu',
      pattern: '^[a-z0-9-]+(\\.[a-z0-9-]+)*$',
      displayWhen: { environment: ['region'] },
      description: 'Region part of the host name, for example eu or us-west-2.us',
    },
    {
      name: 'customBaseUrl',
      displayName: 'Base URL Template',
      type: 'string',
      required: true,
      format: 'url',
      placeholder: 'https://{service}.api.mitel.io/2017-09-01',
      displayWhen: { environment: ['custom'] },
      description:
        'Base URL with {service} where the service name goes (authentication, admin, media, chat, notifications); {apiVersion} may stand for the service’s API version (2017-09-01 for these).',
    },
    {
      name: 'grantType',
      displayName: 'Sign In With',
      type: 'options',
      required: true,
      default: 'client_credentials',
      options: [
        { value: 'client_credentials', name: 'Client Credentials (application client)' },
        {
          value: 'authorization_code',
          name: 'User Name and Password, as a Registered Application',
          description:
            'Mitel’s authorization-code sign-in with the client id Mitel issued for your application: what Mitel asks of production applications (others may be throttled)',
        },
        { value: 'password', name: 'User Name and Password' },
      ],
      description:
        'Production applications should sign in as a registered application (Mitel may throttle the others).',
    },
    {
      name: 'clientId',
      displayName: 'Client ID',
      type: 'string',
      required: true,
      displayWhen: { grantType: ['client_credentials', 'authorization_code'] },
      description:
        'Client credentials: the application client created with the Admin API or the CloudLink portal. Registered application: the client id Mitel issued for it.',
    },
    {
      name: 'clientSecret',
      displayName: 'Client Secret',
      type: 'string',
      secret: true,
      required: true,
      displayWhen: { grantType: ['client_credentials'] },
    },
    ...passwordGrantFields(['password', 'authorization_code']),
    {
      name: 'accountId',
      displayName: 'Account ID',
      type: 'string',
      description:
        'Needed when the user or client exists in several accounts (the sign-in otherwise fails with 409).',
    },
    {
      name: 'assumeRole',
      displayName: 'Assume Role',
      type: 'options',
      default: '',
      options: [{ value: '', name: 'None' }, ...ROLES.map((value) => ({ value, name: value }))],
      description:
        'Exchange the token for one limited to this role (not higher than your own), optionally in another account.',
    },
    {
      name: 'assumeRoleAccountId',
      displayName: 'Assume Role In Account',
      type: 'string',
      displayWhen: { assumeRole: ROLES },
      description: 'Account to act in (a customer account of a partner); empty for your own',
    },
    {
      name: 'clientAuth',
      displayName: 'Client Authentication',
      type: 'options',
      default: 'body',
      advanced: true,
      displayWhen: { grantType: ['client_credentials'] },
      options: [CLIENT_AUTH_OPTIONS.body, CLIENT_AUTH_OPTIONS.basic],
    },
    {
      name: 'defaultCountry',
      displayName: 'Default Country',
      type: 'string',
      placeholder: 'US',
      pattern: '^[A-Za-z]{2}$',
      advanced: true,
      description:
        'Two-letter country code (ISO 3166-1, e.g. US, GB, DE) for numbers written without a country code, when call records get E.164 numbers (fromE164, toE164).',
    },
    {
      name: 'application',
      displayName: 'X-Mitel-App Header',
      type: 'string',
      default: 'app=switchboard/0.1.0;platform=switchboard',
      advanced: true,
      description: 'Identifies your application to Mitel: app=<name>/<version>;platform=<platform>',
    },
  ],
  token: {
    url: '{service:authentication}/token',
    grants: ['client_credentials', 'authorization_code', 'password', 'refresh_token'],
    grantField: 'grantType',
    authorizeUrl: '{service:authentication}/authorize',
    clientAuth: 'body',
    clientAuthField: 'clientAuth',
    extraParams: { account_id: '{accountId}' },
    defaultExpiresInSec: 3600,
    supportsRefresh: true,
    refreshTokenLifetimeSec: 14 * 24 * 3600,
    assumeRole: {
      url: '{service:authentication}/assume-role/token',
      roleField: 'assumeRole',
      accountIdField: 'assumeRoleAccountId',
    },
  },
  renewal: EARLY_RENEWAL,
  environment: {
    field: 'environment',
    urls: {
      production: 'https://{service}.api.mitel.io/{apiVersion}',
      sandbox: 'https://{service}.dev.api.mitel.io/{apiVersion}',
      region: 'https://{service}.{region}.api.mitel.io/{apiVersion}',
      custom: '{customBaseUrl}',
    },
  },
  baseUrls: Object.fromEntries(SERVICES.map((service) => [service, '{environmentUrl}'])),
  serviceVersions: API_VERSIONS,
  defaultHeaders: { 'X-Mitel-App': '{application}' },
  correlationHeader: 'x-mitel-correlation-id',
  resources: [
    { value: 'auth', name: 'Authentication' },
    { value: 'account', name: 'Account' },
    { value: 'user', name: 'User' },
    { value: 'callRecord', name: 'Call Record' },
    { value: 'call', name: 'Call' },
    { value: 'conversation', name: 'Conversation' },
    { value: 'subscription', name: 'Notification Subscription' },
    { value: 'client', name: 'Application Client' },
    CUSTOM_RESOURCE,
  ],
  operations,
  whoAmI: 'auth.whoAmI',
  // No fixed region list exists: the token's domain claim names the account's region.
  regionClaim: { claim: 'domain', hostSuffix: 'api.mitel.io' },
});
