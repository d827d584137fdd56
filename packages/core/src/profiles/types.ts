import type { HttpMethod } from '../transport/types';
import type { BasicEncoding, ClientAuthPlacement, GrantType } from '../oauth/types';
import type { RenewalPolicy } from '../engine/types';

export type FieldType =
  'string' | 'number' | 'boolean' | 'options' | 'multiOptions' | 'json' | 'dateTime';

export type FieldValue = string | number | boolean | string[];

export interface FieldOption {
  value: string;
  name: string;
  description?: string;
}

/** One input a person fills in: a credential field or an operation parameter. */
export interface FieldDef {
  name: string;
  displayName: string;
  type: FieldType;
  /** Secret: password input, stored encrypted, never shown, logged or exported. */
  secret?: boolean;
  required?: boolean;
  default?: FieldValue;
  description?: string;
  placeholder?: string;
  options?: FieldOption[];
  /** multiOptions / options that also accept free text (Sangoma scopes). */
  allowCustomValues?: boolean;
  /** Show only when every named field has one of the listed values. */
  displayWhen?: Record<string, FieldValue[]>;
  /** Rarely needed; platforms put these under "advanced". */
  advanced?: boolean;
  /** Extra validation: `url` must be an http(s) URL (templates with `{service}` allowed). */
  format?: 'url';
  /** Regular expression (source) a non-empty string value must match. */
  pattern?: string;
  /** Multi-line text input (PEM bundles, JSON). */
  multiline?: boolean;
  /** Smallest and largest accepted value of a number (Mitel originateTimeout 0-120). */
  minValue?: number;
  maxValue?: number;
}

/** Credential values as a platform stores them, keyed by FieldDef.name. */
export type CredentialValues = Record<string, FieldValue | undefined>;

/** `local`: read by Switchboard itself (an output option), never sent to the provider. */
export type ParameterLocation = 'path' | 'query' | 'body' | 'header' | 'local';

export interface ParameterDef extends FieldDef {
  in: ParameterLocation;
  /** Name on the wire when it differs (`$filter`, `tenant_domain`). */
  wireName?: string;
  /** Value normalisation before sending (Mitel participant types are upper case). */
  transform?: 'upperCase';
  /** With `transform` on an array of objects: the key of each object to transform (`type`). */
  transformKey?: string;
  /** A JSON object whose keys are merged into the body / query / headers ("additional fields"). */
  merge?: boolean;
}

export type PaginationStyle =
  | { style: 'none' }
  /** Mitel collections: `{count, _links: {next}, _embedded: {items}}`. */
  | { style: 'hal-next'; itemsPath: string; nextPath: string }
  /**
   * Cursor paging (Zoom): the body's `tokenPath` value goes back as the `tokenParam` query
   * parameter; an empty or missing token is the last page.
   */
  | { style: 'next-token'; itemsPath: string; tokenPath: string; tokenParam: string }
  /** Offset paging with `$skip` / `$top`. */
  | {
      style: 'offset';
      itemsPath?: string;
      skipParam: string;
      limitParam: string;
      pageSize: number;
    };

export interface OperationDef {
  /** `<resource>.<operation>`, unique in the profile. */
  id: string;
  resource: string;
  operation: string;
  displayName: string;
  /** One sentence; also the tool description when n8n uses the node as an AI tool. */
  description: string;
  method: HttpMethod;
  /** Which base URL (Mitel services: `admin`, `media`, `chat`, ...); default `api`. */
  service?: string;
  /** With `{name}` placeholders, each a declared `in: 'path'` parameter. */
  path: string;
  parameters: ParameterDef[];
  pagination?: PaginationStyle;
  /** Credential fields copied into every JSON body (Sangoma `tenant_domain`). */
  bodyFromCredentials?: Record<string, string>;
  /** Scope the provider requires for this operation (Sangoma). */
  requiredScope?: string;
  /** Idempotent requests may be retried on 429/5xx; POSTs are not unless marked. */
  idempotent?: boolean;
  /** Constant body members (Mitel client `type: "APP"`, Sangoma `message_type`). */
  fixedBody?: Record<string, unknown>;
  /**
   * Response fields that hold someone else's secret (Mitel users' `sipPassword`): removed from
   * every result, at any depth, unless the boolean `keepParameter` is true.
   */
  sensitiveResponseFields?: { fields: string[]; keepParameter: string };
  /**
   * The custom request: method, path, service, query, headers and body come from the
   * parameters `method`, `path`, `service`, `query`, `headers`, `body` instead of the definition.
   */
  custom?: boolean;
}

export interface ResourceDef {
  value: string;
  name: string;
  description?: string;
}

export interface TokenEndpointDef {
  /** URL template; `{field}` placeholders are credential values, `{service:<name>}` a base URL. */
  url: string;
  grants: GrantType[];
  clientAuth: ClientAuthPlacement;
  basicEncoding?: BasicEncoding;
  paramsIn?: 'body' | 'query';
  /** Extra parameters; values are templates over credential fields (`{accountId}`). Empty ones are omitted. */
  extraParams?: Record<string, string>;
  /**
   * URL template of a headless authorization step (Mitel `{service:authentication}/authorize`):
   * the `authorization_code` grant posts user name, password and client id there for a code.
   */
  authorizeUrl?: string;
  /** Default when the response has no usable `expires_in`, seconds. */
  defaultExpiresInSec: number;
  supportsRefresh: boolean;
  /**
   * How long a refresh token stays usable, seconds (Mitel: 14 days). Shared stores keep a token
   * that long so a restart refreshes instead of signing in again; default 24 hours.
   */
  refreshTokenLifetimeSec?: number;
  /** Credential field choosing the grant (values are GrantType); default: the first grant. */
  grantField?: string;
  /** Credential field choosing the client-authentication placement (generic OAuth2). */
  clientAuthField?: string;
  /** Credential field choosing the HTTP Basic encoding (`strict` | `raw`). */
  basicEncodingField?: string;
  /** Credential field holding the scopes (text or a list; sent space-separated). */
  scopeField?: string;
  /** Credential field holding a JSON object of extra token parameters (generic OAuth2). */
  extraParamsField?: string;
  /** Which credential fields hold ids and secrets; defaults clientId, clientSecret, username, password. */
  credentialFields?: {
    clientId?: string;
    clientSecret?: string;
    username?: string;
    password?: string;
  };
  /** Follow-up exchange for a role-limited token (Mitel assume-role). */
  assumeRole?: AssumeRoleDef;
}

/** `POST <url>` JSON `{role, accountId?}` with the first token as bearer; runs when a role is set. */
export interface AssumeRoleDef {
  /** URL template, like TokenEndpointDef.url. */
  url: string;
  roleField: string;
  accountIdField: string;
}

/** A credential field picks one base URL template (Mitel production / sandbox / region / custom). */
export interface EnvironmentDef {
  field: string;
  /** Template per option value; `{service}` is the service name, `{field}` credential values. */
  urls: Record<string, string>;
}

/** Credential fields holding TLS settings for on-premises hosts. */
export interface TlsFieldsDef {
  /** PEM bundle of extra trusted CAs. */
  ca?: string;
  /** Boolean field: accept self-signed / untrusted certificates. */
  allowSelfSigned?: string;
}

/**
 * A token claim naming the account's region (Mitel `domain`: `<account>.<region>[.dev].<hostSuffix>`),
 * compared by diagnose with the region of the base URL (`<service>.<region>[.dev].<hostSuffix>`).
 */
export interface RegionClaimDef {
  claim: string;
  hostSuffix: string;
}

/** What the platforms need to present a provider beyond its API: names, icons. */
export interface PlatformManifest {
  /** Icon file stem in packages/n8n/icons: `<icon>.svg` and `<icon>.dark.svg`. */
  icon: string;
  /** n8n names. They are saved inside users' workflows: never rename one. */
  n8n: {
    /** `SangomaCx`: the class in `nodes/SangomaCx/SangomaCx.node.ts`. */
    nodeClassName: string;
    /** `sangomaCx`: the node type name (without the package prefix). */
    nodeName: string;
    /** `SangomaCxApi`: the class in `credentials/SangomaCxApi.credentials.ts`. */
    credentialClassName: string;
    /** `sangomaCxApi`: the credential type name. */
    credentialName: string;
    /** `Sangoma CX API`. */
    credentialDisplayName: string;
    /** The node's name in n8n's picker when it differs from the profile's displayName. */
    nodeDisplayName?: string;
  };
  /** Provider-specific advice diagnose adds to a finding. */
  diagnosis?: {
    /** What to do about a scope the client lacks (where the provider's console enables it). */
    scopes?: string;
  };
}

/** `Id` is the literal id when the profile is made with `defineProfile`. */
export interface ProviderProfile<Id extends string = string> {
  id: Id;
  displayName: string;
  description: string;
  /** The provider's own documentation: n8n's credential documentationUrl, Node-RED's help. */
  docsUrl: string;
  platform: PlatformManifest;
  /** Credential / connection fields, in the order a form shows them. */
  fields: FieldDef[];
  token: TokenEndpointDef;
  renewal: RenewalPolicy;
  /**
   * Base URL templates per service; `{field}` placeholders are credential values and
   * `{environmentUrl}` is the template `environment` picks.
   */
  baseUrls: Record<string, string>;
  environment?: EnvironmentDef;
  /**
   * API version per service, for `{apiVersion}` in base URL templates: Mitel's services carry
   * different versions in their paths (2017-09-01, 2019-03-01, ...), never one for all.
   */
  serviceVersions?: Record<string, string>;
  tlsFields?: TlsFieldsDef;
  /** Headers sent with every request (Mitel `X-Mitel-App`). */
  defaultHeaders?: Record<string, string>;
  /** Response header kept in errors and logs (`x-mitel-correlation-id`). */
  correlationHeader?: string;
  resources: ResourceDef[];
  operations: OperationDef[];
  /** Who-am-I operation id used by diagnose and credential tests. */
  whoAmI?: string;
  /** Where the token names the account's region (Mitel); diagnose shows it and warns on a mismatch. */
  regionClaim?: RegionClaimDef;
}
