// Building blocks several profiles share: the custom request, TLS fields, the "additional
// fields" parameter, sign-in fields and options, the usual renewal policy.
import type { RenewalPolicy } from '../engine/types';
import type {
  FieldDef,
  FieldOption,
  OperationDef,
  ParameterDef,
  ResourceDef,
  TlsFieldsDef,
} from './types';

/** Renew a minute early, but never earlier than 20% of the token's lifetime. */
export const EARLY_RENEWAL: RenewalPolicy = { mode: 'early', skewMs: 60_000, maxSkewFraction: 0.2 };

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

/**
 * The explicit opt-in to send credentials and tokens over plain HTTP to a host that is not
 * loopback (loopback is always allowed). Without it such a URL is a configuration error.
 */
export const ALLOW_INSECURE_HTTP_FIELD: FieldDef = {
  name: 'allowInsecureHttp',
  displayName: 'Allow Insecure HTTP',
  type: 'boolean',
  default: false,
  advanced: true,
  description:
    'Send the credentials and tokens over plain http:// to a host other than this machine. Anyone on the network can read them: use https:// wherever the server offers it.',
};

/** Which of TLS_FIELDS holds what, for `ProviderProfile.tlsFields`. */
export const TLS_FIELD_NAMES: TlsFieldsDef = { ca: 'caBundle', allowSelfSigned: 'allowSelfSigned' };

/** Choices of a client-authentication field (`ClientAuthPlacement`). */
export const CLIENT_AUTH_OPTIONS = {
  body: { value: 'body', name: 'In the form body' },
  basic: { value: 'basic', name: 'HTTP Basic header' },
  query: { value: 'query', name: 'In the query string (avoid: URLs get logged)' },
} satisfies Record<string, FieldOption>;

/** Choices of an HTTP Basic encoding field (`BasicEncoding`). */
export const BASIC_ENCODING_OPTIONS = {
  strict: { value: 'strict', name: 'Form-encoded id and secret (RFC 6749)' },
  raw: { value: 'raw', name: 'Raw id and secret' },
} satisfies Record<string, FieldOption>;

/** User name and password, shown when the `grantType` field is one of `grants`. */
export function passwordGrantFields(grants: string[] = ['password']): FieldDef[] {
  const whenPassword = { grantType: grants };
  return [
    {
      name: 'username',
      displayName: 'User Name',
      type: 'string',
      required: true,
      displayWhen: whenPassword,
    },
    {
      name: 'password',
      displayName: 'Password',
      type: 'string',
      secret: true,
      required: true,
      displayWhen: whenPassword,
    },
  ];
}

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
