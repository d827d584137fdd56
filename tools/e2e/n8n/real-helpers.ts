// n8n's own request stack, loaded from the installed n8n (install-n8n.sh): the real
// httpRequestWithAuthentication of n8n-core and the real httpRequest of @n8n/backend-network,
// wired to a Switchboard credential type the way n8n's CredentialsHelper wires them
// (preAuthentication when the expirable token is empty or after a 401, then authenticate).
import { join } from 'node:path';
import type {
  ICredentialDataDecryptedObject,
  ICredentialType,
  IDataObject,
  IHttpRequestOptions,
  INode,
} from 'n8n-workflow';
import { installN8n } from './harness';

type HttpRequest = (options: IHttpRequestOptions) => Promise<unknown>;
type AuthenticatedRequest = (
  this: unknown,
  credentialType: string,
  options: IHttpRequestOptions,
  workflow: unknown,
  node: INode,
  additionalData: unknown,
  additionalCredentialOptions?: unknown,
) => Promise<unknown>;

export interface RealN8nHelpers {
  /** n8n's plain request helper (what `this.helpers.httpRequest` is). */
  httpRequest: HttpRequest;
  /** `this.helpers.httpRequestWithAuthentication` bound to a credential type, as n8n builds it. */
  withAuthentication(
    credentialType: ICredentialType,
    node: INode,
  ): (
    this: unknown,
    credentialTypeName: string,
    options: IHttpRequestOptions,
    additionalCredentialOptions?: { credentialsDecrypted?: { data?: IDataObject } },
  ) => Promise<unknown>;
}

let loaded: RealN8nHelpers | undefined;

export function realN8nHelpers(): RealN8nHelpers {
  if (loaded) return loaded;
  const modules = join(installN8n(), 'node_modules');
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { httpRequestWithAuthentication } = require(
    join(
      modules,
      'n8n-core/dist/execution-engine/node-execution-context/utils/request-helpers/authentication.js',
    ),
  ) as { httpRequestWithAuthentication: AuthenticatedRequest };
  const { Container } = require(join(modules, '@n8n/di')) as {
    Container: { get(type: unknown): { requests(): { request: HttpRequest } } };
  };
  const { OutboundHttp } = require(join(modules, '@n8n/backend-network')) as {
    OutboundHttp: unknown;
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const httpRequest: HttpRequest = (options) =>
    Container.get(OutboundHttp).requests().request(options);
  loaded = {
    httpRequest,
    withAuthentication(credentialType, node) {
      const additionalData = {
        credentialsHelper: {
          getParentTypes: () => [],
          // n8n's CredentialsHelper.preAuthentication: runs when the expirable field is empty
          // or the token expired (after a 401), and keeps what it returns.
          async preAuthentication(
            _helpers: unknown,
            credentials: ICredentialDataDecryptedObject,
            _type: string,
            _node: INode,
            expired: boolean,
          ) {
            const token = credentials.accessToken;
            if (!expired && typeof token === 'string' && token !== '') return undefined;
            return credentialType.preAuthentication?.call(
              { helpers: { httpRequest } } as never,
              credentials,
            );
          },
          async authenticate(
            credentials: ICredentialDataDecryptedObject,
            _type: string,
            options: IHttpRequestOptions,
          ) {
            const authenticate = credentialType.authenticate as (
              credentials: ICredentialDataDecryptedObject,
              options: IHttpRequestOptions,
            ) => Promise<IHttpRequestOptions>;
            return authenticate(credentials, options);
          },
        },
      };
      return function (this: unknown, name, options, additionalCredentialOptions) {
        return httpRequestWithAuthentication.call(
          this,
          name,
          options,
          {},
          node,
          additionalData,
          additionalCredentialOptions,
        );
      };
    },
  };
  return loaded;
}
