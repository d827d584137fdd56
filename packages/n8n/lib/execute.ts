// The shared execute() of every provider node: for each input item, build the operation's
// request with core, send it through n8n's authenticated helper (which runs preAuthentication
// and retries once after a 401), follow pages, and output one item per result. Items of an
// idempotent operation run a few at a time (see run-items.ts); the output keeps input order.
import type {
  ApiRequest,
  BoundCredential,
  OperationDef,
  OperationParams,
  ProviderProfile,
} from '@switchboard/core';
import { buildOperationRequest, isPaged, paginate } from '@switchboard/core';
import type {
  IDataObject,
  ICredentialsDecrypted,
  IExecuteFunctions,
  INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { boundCredential } from './credential';
import { configurationFailure, nodeFailure } from './errors';
import { failureJson } from './failure-shape';
import { decryptedCredential, sendRequest } from './request';
import { withOwnCopy } from './own-credential-copy';
import { credentialSecrets } from './secrets';
import { LIMIT, OPTIONS, RETURN_ALL, isOptional } from './node-properties';
import type { ProviderBinding } from './providers';
import { parameterReader, type ParameterReader } from './parameter-reader';
import { runItems, type PreparedItem } from './run-items';

// Items of an idempotent operation go out up to this many at a time (n8n's HTTP Request node
// sends all of a run's items at once). Bounded so 5,000 items do not open 5,000 sockets or meet
// the provider's rate limit all at once. n8n opens a new connection for every request, and
// refilling in bursts (send again once half have answered) costs n8n far less CPU per item
// than one new request per answer (see the n8n bench).
export const MAX_IN_FLIGHT = 50;
const RESUME_AT = 25;

export async function executeOperations(
  context: IExecuteFunctions,
  profile: ProviderProfile,
  binding: ProviderBinding,
): Promise<INodeExecutionData[][]> {
  const output: INodeExecutionData[] = [];
  const items = context.getInputData();
  // Decrypting the credential is the costliest local step: once per execution, not per item
  // (n8n's helper would decrypt it again for every request unless handed the decrypted copy;
  // a token renewed by one request is copied back into it, so later items use it: see
  // own-credential-copy.ts).
  // The profile's fields are validated and resolved once too (core's bindCredentials).
  let credential: Promise<ExecutionCredential> | undefined;
  const credentialFor = (itemIndex: number): Promise<ExecutionCredential> => {
    credential ??= executionCredential(context, profile, binding, itemIndex);
    return credential;
  };
  // Parameters without an expression are read once, not per item (see parameter-reader.ts).
  const parameter = parameterReader(context);
  const outcomes = await runItems(
    items.length,
    (itemIndex) => prepareItem(context, parameter, profile, credentialFor, binding, itemIndex),
    {
      maxInFlight: MAX_IN_FLIGHT,
      resumeAt: RESUME_AT,
      stopAtFirstFailure: !context.continueOnFail(),
    },
  );
  // By input position, so the failure thrown is the first one in input order.
  for (const [itemIndex, outcome] of outcomes.entries()) {
    if (outcome === undefined) continue;
    if (outcome.ok) {
      for (const json of outcome.value) output.push({ json, pairedItem: { item: itemIndex } });
      continue;
    }
    const failure =
      outcome.error instanceof NodeApiError || outcome.error instanceof NodeOperationError
        ? outcome.error
        : configurationFailure(context.getNode(), outcome.error, itemIndex);
    if (!context.continueOnFail()) throw failure;
    output.push({ json: failureJson(failure), pairedItem: { item: itemIndex } });
  }
  return [output];
}

interface ExecutionCredential {
  decrypted: ICredentialsDecrypted;
  bound: BoundCredential;
}

async function executionCredential(
  context: IExecuteFunctions,
  profile: ProviderProfile,
  binding: ProviderBinding,
  itemIndex: number,
): Promise<ExecutionCredential> {
  const decrypted = await decryptedCredential(context, binding, itemIndex);
  return { decrypted, bound: boundCredential(profile, decrypted.data ?? {}) };
}

/** Reads the item's parameters and builds its request; sending is left to the caller. */
async function prepareItem(
  context: IExecuteFunctions,
  parameter: ParameterReader,
  profile: ProviderProfile,
  credentialFor: (itemIndex: number) => Promise<ExecutionCredential>,
  binding: ProviderBinding,
  itemIndex: number,
): Promise<PreparedItem<IDataObject[]>> {
  let operation: OperationDef;
  let request: ApiRequest;
  let credentials: ICredentialsDecrypted;
  let params: OperationParams;
  try {
    const credential = await credentialFor(itemIndex);
    credentials = credential.decrypted;
    operation = findOperation(parameter, profile, itemIndex);
    params = readParameters(parameter, operation, itemIndex);
    request = buildOperationRequest(credential.bound, operation.id, params);
  } catch (error) {
    throw configurationFailure(context.getNode(), error, itemIndex);
  }
  const paged = isPaged(operation);
  const returnAll = paged ? (parameter(RETURN_ALL, itemIndex, false) as boolean) : true;
  const limit = paged && !returnAll ? (parameter(LIMIT, itemIndex, 50) as number) : Infinity;
  return {
    // Core marks every request it builds: GET, PUT, DELETE and operations declared idempotent.
    // Anything else (place a call, create a user) keeps strict one-after-another order.
    concurrent: request.idempotent === true,
    send: () =>
      sendItem(
        context,
        profile,
        binding,
        { operation, request, params, credentials, limit },
        itemIndex,
      ),
  };
}

interface ItemRequest {
  operation: OperationDef;
  request: ApiRequest;
  params: OperationParams;
  credentials: ICredentialsDecrypted;
  limit: number;
}

async function sendItem(
  context: IExecuteFunctions,
  profile: ProviderProfile,
  binding: ProviderBinding,
  { operation, request, params, credentials, limit }: ItemRequest,
  itemIndex: number,
): Promise<IDataObject[]> {
  const paged = isPaged(operation);
  const results: IDataObject[] = [];
  // Core's one paging loop: a next link back to a page already read fails instead of looping.
  const send = (current: ApiRequest) =>
    withOwnCopy(credentials, (copy) =>
      sendRequest(context, profile, binding, current, itemIndex, copy),
    );
  // The parameters go along for the operation's output options (Include SIP Password, ...).
  const pages = paginate(profile, operation.id, request, send, {
    params,
    ...(Number.isFinite(limit) ? { limit } : {}),
  });
  try {
    for await (const page of pages) for (const item of page.items) results.push(asJson(item));
  } catch (error) {
    const secrets = credentialSecrets(profile, credentials.data);
    throw nodeFailure(context.getNode(), error, itemIndex, secrets);
  }
  if (results.length === 0 && !paged) return [{ success: true }];
  return results;
}

function findOperation(
  parameter: ParameterReader,
  profile: ProviderProfile,
  itemIndex: number,
): OperationDef {
  const resource = parameter('resource', itemIndex) as string;
  const name = parameter('operation', itemIndex) as string;
  const operation = profile.operations.find(
    (candidate) => candidate.resource === resource && candidate.operation === name,
  );
  if (operation === undefined) {
    throw new Error(
      `${profile.displayName} has no operation "${name}" for resource "${resource}".`,
    );
  }
  return operation;
}

function readParameters(
  read: ParameterReader,
  operation: OperationDef,
  itemIndex: number,
): OperationParams {
  const params: OperationParams = {};
  const options = read(OPTIONS, itemIndex, {}) as IDataObject;
  for (const parameter of operation.parameters) {
    // Optional parameters only count when the user added them to Options: n8n's defaults for
    // top-level numbers and booleans (0, false) would otherwise go out as if chosen.
    // null as the fallback: n8n throws for a missing parameter when the fallback is undefined,
    // and parameters hidden by displayOptions are missing.
    const value = isOptional(parameter)
      ? (options[parameter.name] as OperationParams[string] | undefined)
      : (read(parameter.name, itemIndex, null) as OperationParams[string] | null);
    if (value !== null && value !== undefined) params[parameter.name] = value;
  }
  return params;
}

function asJson(item: unknown): IDataObject {
  if (typeof item === 'object' && item !== null && !Array.isArray(item)) return item as IDataObject;
  return { value: item as IDataObject[keyof IDataObject] };
}
