// Building blocks several profiles share: the custom request, TLS fields, the "additional
// fields" parameter.
import type { FieldDef, OperationDef, ParameterDef, ResourceDef } from './types';

export const CUSTOM_RESOURCE: ResourceDef = {
  value: 'custom',
  name: 'Custom Request',
  description: 'Any endpoint of the API, with this connection’s authentication',
};

/** `custom.request` on every profile; `services` lists the base URLs a path may be relative to. */
export function customRequestOperation(services: string[]): OperationDef {
  const parameters: ParameterDef[] = [
    {
      name: 'method',
      displayName: 'Method',
      type: 'options',
      in: 'path',
      required: true,
      default: 'GET',
      options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((value) => ({ value, name: value })),
      description: 'HTTP method',
    },
    {
      name: 'path',
      displayName: 'Path',
      type: 'string',
      in: 'path',
      required: true,
      placeholder: '/users',
      description:
        'Path relative to the service base URL, for example /users. Absolute URLs are refused so the token never leaves this provider.',
    },
    {
      name: 'query',
      displayName: 'Query Parameters (JSON)',
      type: 'json',
      in: 'query',
      merge: true,
      description: 'JSON object of query parameters, for example {"$top": 10}',
    },
    {
      name: 'headers',
      displayName: 'Headers (JSON)',
      type: 'json',
      in: 'header',
      merge: true,
      description: 'JSON object of extra headers. Authorization is set for you.',
    },
    {
      name: 'body',
      displayName: 'Body (JSON)',
      type: 'json',
      in: 'body',
      description: 'JSON body for POST, PUT and PATCH',
    },
  ];
  if (services.length > 1) {
    parameters.splice(1, 0, {
      name: 'service',
      displayName: 'Service',
      type: 'options',
      in: 'path',
      required: true,
      default: services[0],
      options: services.map((value) => ({ value, name: value })),
      description: 'Which service base URL the path is relative to',
    });
  }
  return {
    id: 'custom.request',
    resource: 'custom',
    operation: 'request',
    displayName: 'Custom Request',
    description:
      'Send any request to the API with this connection’s authentication and error handling.',
    method: 'GET',
    path: '{path}',
    parameters,
    custom: true,
  };
}

/** CA bundle and the explicit self-signed switch for on-premises hosts. */
export const TLS_FIELDS: FieldDef[] = [
  {
    name: 'caBundle',
    displayName: 'CA Certificates (PEM)',
    type: 'string',
    multiline: true,
    description:
      'PEM bundle of the certificate authorities that signed the server certificate, when it is not publicly trusted. Preferred over allowing self-signed certificates.',
  },
  {
    name: 'allowSelfSigned',
    displayName: 'Allow Self-Signed Certificates',
    type: 'boolean',
    default: false,
    description:
      'Accept any certificate, including self-signed ones. This turns off protection against impostor servers: use a CA bundle instead where you can.',
  },
];

/** JSON object whose keys go into the request body as they are. */
export function additionalFieldsParameter(description: string): ParameterDef {
  return {
    name: 'additionalFields',
    displayName: 'Additional Fields (JSON)',
    type: 'json',
    in: 'body',
    merge: true,
    description,
  };
}
