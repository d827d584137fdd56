// "Mitel CloudLink: new call records": n8n's polling model around core's record sync. The
// cursor lives in the node's static data, which n8n saves with the execution the records
// start, so a poll whose records were not handed over is repeated, never lost.
import type {
  ApiRequest,
  BoundCredential,
  OperationParams,
  Page,
  ProviderProfile,
  StartFrom,
} from '@switchboard/core';
import {
  buildOperationRequest,
  initialCursor,
  paginate,
  parseDefaultCountry,
  pollCallRecords,
  readCursor,
} from '@switchboard/core';
import type {
  ICredentialsDecrypted,
  IDataObject,
  INodeExecutionData,
  IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { boundCredential } from './credential';
import { configurationFailure, nodeFailure } from './errors';
import type { ProviderBinding } from './providers';
import { withOwnCopy } from './own-credential-copy';
import { decryptedCredential, sendRequest } from './request';

interface CursorState {
  cursor?: unknown;
}

/** One poll: new finished call records, one item each, oldest first; null when there are none. */
export async function pollNewCallRecords(
  this: IPollFunctions,
  profile: ProviderProfile,
  binding: ProviderBinding,
): Promise<INodeExecutionData[][] | null> {
  const node = this.getNode();
  const state = this.getWorkflowStaticData('node') as CursorState;
  let options;
  let cursor;
  let bound: BoundCredential;
  let credential: ICredentialsDecrypted;
  try {
    credential = await decryptedCredential(this, binding);
    bound = boundCredential(profile, credential.data ?? {});
    cursor = readCursor(state.cursor) ?? initialCursor(startFrom(this), Date.now());
    const optionsParam = this.getNodeParameter('options', {}) as IDataObject;
    const country = parseDefaultCountry(bound.values.defaultCountry);
    options = {
      overlapMs: Number(this.getNodeParameter('overlapMinutes', 10)) * 60_000,
      e164: this.getNodeParameter('e164', true) as boolean,
      filter: String(optionsParam.filter ?? ''),
      ...(optionsParam.maxRecords === undefined
        ? {}
        : { maxRecords: Number(optionsParam.maxRecords) }),
      ...(optionsParam.maxSeen === undefined ? {} : { maxSeen: Number(optionsParam.maxSeen) }),
      ...(country === undefined ? {} : { defaultCountry: country }),
    };
  } catch (error) {
    throw configurationFailure(node, error, 0);
  }
  const connection = {
    pages: (id: string, params: OperationParams) =>
      pages(this, bound, credential, binding, id, params),
  };
  const result = await pollCallRecords(connection, cursor, options);
  if (result.seenOverflow) {
    this.logger.warn(
      'Mitel CloudLink call records: more ids inside the overlap window than "Remembered IDs"; a late record could repeat. Raise it or shorten the window.',
    );
  }
  // A manual test run shows records without moving the cursor of the active workflow.
  if (this.getMode() !== 'manual') state.cursor = result.cursor;
  if (result.records.length === 0) return null;
  return [this.helpers.returnJsonArray(result.records as IDataObject[])];
}

function startFrom(context: IPollFunctions): StartFrom {
  if (context.getNodeParameter('startFrom', 'now') !== 'date') return { kind: 'now' };
  const date = context.getNodeParameter('startDate', '') as string;
  if (date === '') {
    throw new NodeOperationError(context.getNode(), '"Start Date" is empty.', {
      description: 'Pick the date of the oldest call records to emit, or start from now.',
    });
  }
  return { kind: 'date', date };
}

/** The pages of an operation through n8n's authenticated helper, with core's one paging loop. */
async function* pages(
  context: IPollFunctions,
  bound: BoundCredential,
  credential: ICredentialsDecrypted,
  binding: ProviderBinding,
  operationId: string,
  params: OperationParams,
): AsyncGenerator<Page> {
  let first: ApiRequest;
  try {
    first = buildOperationRequest(bound, operationId, params);
  } catch (error) {
    throw configurationFailure(context.getNode(), error, 0);
  }
  // Decrypted once per poll, not per page; a token renewed by one page serves the next.
  const send = (request: ApiRequest) =>
    withOwnCopy(credential, (copy) =>
      sendRequest(context, bound.profile, binding, request, 0, copy),
    );
  try {
    yield* paginate(bound.profile, operationId, first, send, { params });
  } catch (error) {
    throw nodeFailure(context.getNode(), error, 0, bound.secrets);
  }
}
