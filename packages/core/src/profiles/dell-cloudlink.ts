// Dell CloudLink Center (on-premises key management appliance): docs/providers.md §2.
import {
  CUSTOM_RESOURCE,
  EARLY_RENEWAL,
  TLS_FIELDS,
  TLS_FIELD_NAMES,
  customRequestOperation,
} from './shared';
import type { OperationDef, ProviderProfile } from './types';

function listOperation(resource: string, name: string, path: string, what: string): OperationDef {
  return {
    id: `${resource}.list`,
    resource,
    operation: 'list',
    displayName: `List ${name}`,
    description: `List the ${what} known to CloudLink Center.`,
    method: 'GET',
    path,
    parameters: [],
    idempotent: true,
  };
}

export const dellCloudLink: ProviderProfile = {
  id: 'dell-cloudlink',
  displayName: 'Dell CloudLink Center',
  description: 'Dell CloudLink Center REST API (encryption key management, on-premises).',
  fields: [
    {
      name: 'baseUrl',
      displayName: 'CloudLink Center URL',
      type: 'string',
      required: true,
      format: 'url',
      placeholder: 'https://clc.example.com',
      description: 'Address of your CloudLink Center appliance, without /cloudlink',
    },
    {
      name: 'clientId',
      displayName: 'Client User Name',
      type: 'string',
      required: true,
      description: 'User name of a user of type Client (Configuration › Users)',
    },
    {
      name: 'clientSecret',
      displayName: 'Client Password',
      type: 'string',
      secret: true,
      required: true,
      description: 'Password of that client user',
    },
    {
      name: 'scope',
      displayName: 'Scope',
      type: 'string',
      default: 'all',
      advanced: true,
    },
    ...TLS_FIELDS,
  ],
  token: {
    url: '{baseUrl}/cloudlink/oauth/token',
    grants: ['client_credentials'],
    clientAuth: 'query',
    paramsIn: 'query',
    scopeField: 'scope',
    defaultExpiresInSec: 3600,
    supportsRefresh: false,
  },
  renewal: EARLY_RENEWAL,
  baseUrls: { api: '{baseUrl}/cloudlink/rest' },
  tlsFields: TLS_FIELD_NAMES,
  resources: [
    { value: 'machine', name: 'Machine' },
    { value: 'user', name: 'User' },
    { value: 'license', name: 'License' },
    { value: 'auth', name: 'Session' },
    CUSTOM_RESOURCE,
  ],
  operations: [
    listOperation('machine', 'Machines', '/securevm', 'machines (secure VMs)'),
    {
      id: 'machine.get',
      resource: 'machine',
      operation: 'get',
      displayName: 'Get Machine',
      description: 'Get one machine (secure VM) by id.',
      method: 'GET',
      path: '/securevm/{machineId}',
      parameters: [
        {
          name: 'machineId',
          displayName: 'Machine ID',
          type: 'string',
          in: 'path',
          required: true,
        },
      ],
      idempotent: true,
    },
    listOperation('user', 'Users', '/users', 'users'),
    {
      id: 'license.get',
      resource: 'license',
      operation: 'get',
      displayName: 'Get License',
      description: 'Get the appliance license.',
      method: 'GET',
      path: '/license',
      parameters: [],
      idempotent: true,
    },
    {
      id: 'auth.logout',
      resource: 'auth',
      operation: 'logout',
      displayName: 'Log Out Token',
      description: 'Revoke the current access token on the appliance.',
      method: 'DELETE',
      path: '/auth',
      parameters: [],
    },
    customRequestOperation(['api']),
  ],
};
