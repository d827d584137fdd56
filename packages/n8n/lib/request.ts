// Sends one core ApiRequest through n8n's authenticated helper: n8n adds the bearer header,
// runs preAuthentication when the token field is empty and once more after a 401. A token
// about to expire is emptied first, so it is renewed without a failed request. Redirects are
// not followed (as core's own transport): n8n would re-add Authorization on a redirect to
// another origin, so a 3xx is reported instead of handing the token to whoever it points at.
import type { ApiRequest, ApiResponse, ProviderProfile } from '@switchboard/core';
import { maskSecretsInData } from '@switchboard/core';
import type {
  ICredentialsDecrypted,
  IDataObject,
  IExecuteFunctions,
  IHookFunctions,
  IHttpRequestOptions,
  IN8nHttpFullResponse,
  IPollFunctions,
} from 'n8n-workflow';
import { tokenNeedsRenewal } from './credential';
import { requestFailure } from './errors';
import { TOKEN_FIELD } from './providers';
import { NO_CROSS_ORIGIN_CREDENTIALS } from './no-cross-origin';
import { credentialSecrets } from './secrets';
import type { ProviderBinding } from './providers';

export type RequestContext = IExecuteFunctions | IHookFunctions | IPollFunctions;

/** The credential as n8n's helper takes it, decrypted once (so errors know what to mask). */
export async function decryptedCredential(
  context: RequestContext,
  binding: ProviderBinding,
  itemIndex = 0,
): Promise<ICredentialsDecrypted> {
  const data = await (context as IExecuteFunctions).getCredentials(
    binding.credentialName,
    itemIndex,
  );
  const reference = context.getNode().credentials?.[binding.credentialName];
  return {
    id: reference?.id ?? '',
    name: reference?.name ?? '',
    type: binding.credentialName,
    data,
  };
}

export async function sendRequest(
  context: RequestContext,
  profile: ProviderProfile,
  binding: ProviderBinding,
  request: ApiRequest,
  itemIndex = 0,
  credentialsDecrypted?: ICredentialsDecrypted,
): Promise<ApiResponse> {
  const options: IHttpRequestOptions = {
    method: request.method,
    url: request.url,
    json: true,
    returnFullResponse: true,
    ...NO_CROSS_ORIGIN_CREDENTIALS,
  };
  if (request.query !== undefined && Object.keys(request.query).length > 0)
    options.qs = request.query;
  if (request.headers !== undefined) options.headers = request.headers;
  if (request.body !== undefined) options.body = request.body as IDataObject;
  const credential =
    credentialsDecrypted ?? (await decryptedCredential(context, binding, itemIndex));
  const data = credential.data;
  if (data !== undefined && tokenNeedsRenewal(profile, data, Date.now())) data[TOKEN_FIELD] = '';
  // The token before the request: n8n may renew it during the request (after a 401).
  const before = credentialSecrets(profile, data);
  try {
    const response = (await (
      context as IExecuteFunctions
    ).helpers.httpRequestWithAuthentication.call(
      context as IExecuteFunctions,
      binding.credentialName,
      options,
      { credentialsDecrypted: credential },
    )) as IN8nHttpFullResponse;
    // A provider may echo the token or a secret back: none of them reaches an item.
    const secrets = [...before, ...credentialSecrets(profile, data)];
    const headers = maskSecretsInData(stringHeaders(response.headers), secrets) as Record<
      string,
      string
    >;
    return {
      status: response.statusCode,
      headers,
      data: maskSecretsInData(response.body, secrets),
    };
  } catch (error) {
    const secrets = [...before, ...credentialSecrets(profile, data)];
    throw requestFailure(context.getNode(), profile, request, error, itemIndex, secrets);
  }
}

function stringHeaders(headers: IDataObject): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (typeof value === 'string') result[name.toLowerCase()] = value;
  }
  return result;
}
