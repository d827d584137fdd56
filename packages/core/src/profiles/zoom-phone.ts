// Zoom Phone API v2 with server-to-server OAuth (`account_credentials` grant): the account id
// goes with the grant in the form body, the client id and secret in HTTP Basic; no refresh
// token (a new token is simply requested); lists page with `next_page_token`.
import { CUSTOM_RESOURCE, EARLY_RENEWAL, customRequestOperation } from './shared';
import { defineProfile } from './define';
import type { OperationDef, PaginationStyle, ParameterDef } from './types';

function pages(itemsPath: string): PaginationStyle {
  return {
    style: 'next-token',
    itemsPath,
    tokenPath: 'next_page_token',
    tokenParam: 'next_page_token',
  };
}

const pageSize: ParameterDef = {
  name: 'pageSize',
  displayName: 'Page Size',
  type: 'number',
  in: 'query',
  wireName: 'page_size',
  default: 100,
  minValue: 1,
  maxValue: 100,
  description: 'Records per page (Zoom allows at most 100)',
};

const userId: ParameterDef = {
  name: 'userId',
  displayName: 'User ID',
  type: 'string',
  in: 'path',
  required: true,
  description: 'The Zoom user id or email address',
};

const dateRange: ParameterDef[] = [
  {
    name: 'from',
    displayName: 'From',
    type: 'string',
    in: 'query',
    pattern: '^\\d{4}-\\d{2}-\\d{2}',
    placeholder: '2026-11-01',
    description: 'Start date (yyyy-mm-dd); Zoom defaults to the last day',
  },
  {
    name: 'to',
    displayName: 'To',
    type: 'string',
    in: 'query',
    pattern: '^\\d{4}-\\d{2}-\\d{2}',
    placeholder: '2026-11-30',
    description: 'End date (yyyy-mm-dd), at most a month after From',
  },
];

function list(
  id: string,
  displayName: string,
  description: string,
  path: string,
  itemsPath: string,
  parameters: ParameterDef[],
): OperationDef {
  const [resource = id, operation = id] = id.split('.');
  return {
    id,
    resource,
    operation,
    displayName,
    description,
    method: 'GET',
    path,
    parameters: [...parameters, pageSize],
    pagination: pages(itemsPath),
    idempotent: true,
  };
}

export const zoomPhone = defineProfile({
  id: 'zoom-phone',
  displayName: 'Zoom Phone',
  description:
    'Zoom Phone API v2 with a Server-to-Server OAuth app: phone users, call history, account users.',
  docsUrl: 'https://developers.zoom.us/docs/internal-apps/s2s-oauth/',
  platform: {
    icon: 'zoom-phone',
    n8n: {
      nodeClassName: 'ZoomPhone',
      nodeName: 'zoomPhone',
      credentialClassName: 'ZoomPhoneApi',
      credentialName: 'zoomPhoneApi',
      credentialDisplayName: 'Zoom Phone API',
    },
  },
  fields: [
    {
      name: 'accountId',
      displayName: 'Account ID',
      type: 'string',
      required: true,
      description: 'From your Server-to-Server OAuth app’s App Credentials page',
    },
    {
      name: 'clientId',
      displayName: 'Client ID',
      type: 'string',
      required: true,
    },
    {
      name: 'clientSecret',
      displayName: 'Client Secret',
      type: 'string',
      secret: true,
      required: true,
    },
    {
      name: 'tokenUrl',
      displayName: 'Token URL',
      type: 'string',
      format: 'url',
      required: true,
      default: 'https://zoom.us/oauth/token',
      advanced: true,
    },
    {
      name: 'apiBaseUrl',
      displayName: 'API Base URL',
      type: 'string',
      format: 'url',
      required: true,
      default: 'https://api.zoom.us/v2',
      advanced: true,
      description: 'Change only if your account uses a regional API host (the token’s api_url)',
    },
  ],
  token: {
    url: '{tokenUrl}',
    grants: ['account_credentials'],
    clientAuth: 'basic',
    basicEncoding: 'raw',
    extraParams: { account_id: '{accountId}' },
    defaultExpiresInSec: 3600,
    supportsRefresh: false,
  },
  renewal: EARLY_RENEWAL,
  baseUrls: { api: '{apiBaseUrl}' },
  resources: [
    { value: 'phoneUser', name: 'Phone User' },
    { value: 'callHistory', name: 'Call History' },
    { value: 'user', name: 'User' },
    CUSTOM_RESOURCE,
  ],
  operations: [
    list(
      'phoneUser.list',
      'List Phone Users',
      'List the account’s Zoom Phone users.',
      '/phone/users',
      'users',
      [],
    ),
    {
      id: 'phoneUser.get',
      resource: 'phoneUser',
      operation: 'get',
      displayName: 'Get Phone User',
      description: 'Get a Zoom Phone user’s profile.',
      method: 'GET',
      path: '/phone/users/{userId}',
      parameters: [userId],
      idempotent: true,
    },
    list(
      'callHistory.list',
      'List Account Call History',
      'List the account’s call history between two dates.',
      '/phone/call_history',
      'call_history',
      dateRange,
    ),
    list(
      'callHistory.listForUser',
      'List User Call History',
      'List one phone user’s call history between two dates.',
      '/phone/users/{userId}/call_history',
      'call_history',
      [userId, ...dateRange],
    ),
    list('user.list', 'List Users', 'List the account’s Zoom users.', '/users', 'users', []),
    {
      id: 'user.me',
      resource: 'user',
      operation: 'me',
      displayName: 'Get Current User',
      description: 'Get the user the app’s token acts as (the app owner).',
      method: 'GET',
      path: '/users/me',
      parameters: [],
      idempotent: true,
    },
    customRequestOperation(['api']),
  ],
  whoAmI: 'user.me',
});
