// Bright Pattern Contact Center, Configuration API v2.
import {
  CUSTOM_RESOURCE,
  EARLY_RENEWAL,
  TLS_FIELDS,
  ALLOW_INSECURE_HTTP_FIELD,
  TLS_FIELD_NAMES,
  additionalFieldsParameter,
  customRequestOperation,
} from './shared';
import { defineProfile } from './define';
import type { OperationDef, ParameterDef } from './types';

const loginIdPath: ParameterDef = {
  name: 'loginId',
  displayName: 'Login ID',
  type: 'string',
  in: 'path',
  required: true,
  description: 'The user’s login id',
};

/** User fields of create and update; `required` only on create. */
function userBodyParameters(creating: boolean): ParameterDef[] {
  const text = (name: string, displayName: string, required = false): ParameterDef => ({
    name,
    displayName,
    type: 'string',
    in: 'body',
    ...(required ? { required: true } : {}),
  });
  return [
    ...(creating ? [text('loginId', 'Login ID', true)] : []),
    {
      name: 'password',
      displayName: 'Password',
      type: 'string',
      in: 'body',
      secret: true,
      ...(creating ? { required: true } : {}),
      description: 'The user’s initial password',
    },
    text('firstName', 'First Name', creating),
    text('lastName', 'Last Name', creating),
    text('team', 'Team'),
    text('extension', 'Extension'),
    text('email', 'Email'),
    text('workPhone', 'Work Phone'),
    text('mobilePhone', 'Mobile Phone'),
    {
      name: 'changePassword',
      displayName: 'Change Password at Next Login',
      type: 'boolean',
      in: 'body',
      description: 'Make the user choose a new password when they next sign in',
    },
    { name: 'disabled', displayName: 'Disabled', type: 'boolean', in: 'body' },
    {
      name: 'roles',
      displayName: 'Roles',
      type: 'multiOptions',
      in: 'body',
      allowCustomValues: true,
      options: [],
      description: 'Role names as configured in your tenant',
    },
    additionalFieldsParameter('Other user fields (skills, ...) as a JSON object'),
  ];
}

function exportOperation(
  id: string,
  displayName: string,
  path: string,
  what: string,
): OperationDef {
  const [resource = 'phone', operation = id] = id.split('.');
  return {
    id,
    resource,
    operation,
    displayName,
    description: `Export ${what} as an array.`,
    method: 'GET',
    path,
    parameters: [],
    idempotent: true,
  };
}

export const brightPattern = defineProfile({
  id: 'bright-pattern',
  displayName: 'Bright Pattern',
  description: 'Bright Pattern Contact Center Configuration API v2: user management.',
  docsUrl: 'https://help.brightpattern.com/',
  platform: {
    icon: 'bright-pattern',
    n8n: {
      nodeClassName: 'BrightPattern',
      nodeName: 'brightPattern',
      credentialClassName: 'BrightPatternApi',
      credentialName: 'brightPatternApi',
      credentialDisplayName: 'Bright Pattern API',
    },
  },
  fields: [
    {
      name: 'baseUrl',
      displayName: 'Host URL',
      type: 'string',
      required: true,
      format: 'url',
      placeholder: 'https://acme.brightpattern.com',
      description: 'Address of your contact centre, without /configapi',
    },
    {
      name: 'tenant',
      displayName: 'Tenant URL',
      type: 'string',
      required: true,
      placeholder: 'acme.brightpattern.com',
      description: 'Your tenant URL (sent as tenant and as scope, which some versions expect)',
    },
    {
      name: 'clientId',
      displayName: 'Login ID',
      type: 'string',
      required: true,
      description: 'Login id of the user the API secret belongs to',
    },
    {
      name: 'clientSecret',
      displayName: 'API Secret',
      type: 'string',
      secret: true,
      required: true,
      description: 'The user’s API secret (not the sign-in password)',
    },
    ...TLS_FIELDS,
    ALLOW_INSECURE_HTTP_FIELD,
  ],
  token: {
    url: '{baseUrl}/configapi/v2/oauth/token',
    grants: ['client_credentials'],
    clientAuth: 'body',
    extraParams: { tenant: '{tenant}', scope: '{tenant}' },
    defaultExpiresInSec: 3600,
    supportsRefresh: false,
  },
  renewal: EARLY_RENEWAL,
  baseUrls: { api: '{baseUrl}/configapi/v2' },
  tlsFields: TLS_FIELD_NAMES,
  resources: [
    { value: 'user', name: 'User' },
    { value: 'phone', name: 'Phone Numbers' },
    CUSTOM_RESOURCE,
  ],
  operations: [
    {
      id: 'user.create',
      resource: 'user',
      operation: 'create',
      displayName: 'Create User',
      description:
        'Create a contact-centre user (answers 200; 400 when the user exists or a field is wrong).',
      method: 'POST',
      path: '/user',
      parameters: userBodyParameters(true),
    },
    {
      id: 'user.get',
      resource: 'user',
      operation: 'get',
      displayName: 'Get User',
      description: 'Get a user by login id.',
      method: 'GET',
      path: '/user/{loginId}',
      parameters: [loginIdPath],
      idempotent: true,
    },
    {
      id: 'user.update',
      resource: 'user',
      operation: 'update',
      displayName: 'Update User',
      description: 'Change fields of a user; fields left empty are not sent.',
      method: 'PUT',
      path: '/user/{loginId}',
      parameters: [loginIdPath, ...userBodyParameters(false)],
      idempotent: true,
    },
    {
      id: 'user.getLockState',
      resource: 'user',
      operation: 'getLockState',
      displayName: 'Get Lock State',
      description: 'Tell whether a user is locked out.',
      method: 'GET',
      path: '/user/lock/{loginId}',
      parameters: [loginIdPath],
      idempotent: true,
    },
    {
      id: 'user.clearLockState',
      resource: 'user',
      operation: 'clearLockState',
      displayName: 'Clear Lock State',
      description: 'Unlock a user who is locked out.',
      method: 'PUT',
      path: '/user/lock/{loginId}',
      parameters: [loginIdPath],
      idempotent: true,
    },
    exportOperation(
      'phone.exportAccessNumbers',
      'Export Access Numbers',
      '/phone/ext',
      'access numbers',
    ),
    exportOperation(
      'phone.exportUserPhoneNumbers',
      'Export User Phone Numbers',
      '/phone/user',
      'user phone numbers',
    ),
    customRequestOperation(['api']),
  ],
});
