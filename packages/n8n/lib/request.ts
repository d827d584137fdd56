// Sends one core ApiRequest through n8n's authenticated helper: n8n adds the bearer header,
// runs preAuthentication when the token field is empty and once more after a 401. A token
// about to expire is emptied first, so it is renewed without a failed request.
import type { ApiRequest, ApiResponse, ProviderProfile } from '@switchboard/core';
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
import type { ProviderBinding } from './providers';

export type RequestContext = IExecuteFunctions | IHookFunctions | IPollFunctions;

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
  };
  if (request.query !== undefined && Object.keys(request.query).length > 0)
    options.qs = request.query;
  if (request.headers !== undefined) options.headers = request.headers;
  if (request.body !== undefined) options.body = request.body as IDataObject;
  const data = credentialsDecrypted?.data;
  if (data !== undefined && tokenNeedsRenewal(profile, data, Date.now())) data[TOKEN_FIELD] = '';
  try {
    const response = (await (
      context as IExecuteFunctions
    ).helpers.httpRequestWithAuthentication.call(
      context as IExecuteFunctions,
      binding.credentialName,
      options,
      credentialsDecrypted === undefined ? undefined : { credentialsDecrypted },
    )) as IN8nHttpFullResponse;
    return {
      status: response.statusCode,
      headers: stringHeaders(response.headers),
      data: response.body,
    };
  } catch (error) {
    throw requestFailure(context.getNode(), profile, request, error, itemIndex);
  }
}

function stringHeaders(headers: IDataObject): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (typeof value === 'string') result[name.toLowerCase()] = value;
  }
  return result;
}
