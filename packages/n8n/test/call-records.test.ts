// The "new call records" trigger pages with core's one loop: a next link back to a page already
// read stops the poll with core's error, the credential is decrypted once per poll, and nothing
// in the failure carries the token or a secret.
import { inspect } from 'node:util';
import { getProfile } from '@switchboard/core';
import type {
  ICredentialDataDecryptedObject,
  IHttpRequestOptions,
  IPollFunctions,
} from 'n8n-workflow';
import { pollNewCallRecords } from '../lib/call-records';
import { PROVIDERS, TOKEN_FIELD } from '../lib/providers';
import { failureOf } from './execute-fake';
import { SENTINEL, sampleCredentials } from './fixtures';

const TOKEN = 'SENTINEL-n8n-poll-token-3c2d';
const mitel = getProfile('mitel-cloudlink');
const binding = PROVIDERS['mitel-cloudlink'];

function fakePoll(answer: (request: IHttpRequestOptions) => unknown) {
  const sent: IHttpRequestOptions[] = [];
  let decrypted = 0;
  const credentials = {
    ...sampleCredentials(mitel, { environment: 'production', defaultCountry: 'GB' }),
    [TOKEN_FIELD]: TOKEN,
  } as ICredentialDataDecryptedObject;
  const context = {
    getNode: () => ({
      id: 'poll-1',
      name: 'New Call Records',
      type: 'test.poll',
      typeVersion: 1,
      position: [0, 0],
      parameters: {},
    }),
    getWorkflowStaticData: () => ({}),
    // Started from an hour ago, everything else as the editor leaves it.
    getNodeParameter: (name: string, fallback: unknown) =>
      ({ startFrom: 'date', startDate: new Date(Date.now() - 3600_000).toISOString() })[name] ??
      fallback,
    getCredentials: async () => {
      decrypted += 1;
      return { ...credentials };
    },
    getMode: () => 'trigger',
    logger: { warn: () => undefined },
    helpers: {
      returnJsonArray: (items: unknown[]) => items.map((json) => ({ json })),
      async httpRequestWithAuthentication(_type: string, request: IHttpRequestOptions) {
        sent.push(request);
        return { statusCode: 200, headers: {}, body: answer(request) };
      },
    },
  } as unknown as IPollFunctions;
  return { context, sent, decrypted: () => decrypted };
}

const record = (id: string) => ({
  callId: id,
  startTime: new Date(Date.now() - 60_000).toISOString(),
  endTime: new Date(Date.now() - 30_000).toISOString(),
});

describe('Mitel CloudLink call records trigger', () => {
  it('reads every page with one decryption and emits the records once', async () => {
    const poll = fakePoll((request) => {
      const onSecond = (request.qs as Record<string, unknown> | undefined)?.$skiptoken === 'b';
      const path = new URL(request.url).pathname;
      return onSecond
        ? { _embedded: { items: [record('r-2')] } }
        : {
            _embedded: { items: [record('r-1')] },
            _links: { next: { href: `${path}?$skiptoken=b` } },
          };
    });
    const output = await pollNewCallRecords.call(poll.context, mitel, binding);
    expect(output?.[0]?.map((item) => item.json.callId)).toEqual(['r-1', 'r-2']);
    expect(poll.sent).toHaveLength(2);
    expect(poll.decrypted()).toBe(1);
  });

  it('stops with core’s loop error when page B links back to page A, without the token', async () => {
    const poll = fakePoll((request) => {
      const onSecond = (request.qs as Record<string, unknown> | undefined)?.$skiptoken === 'b';
      const path = new URL(request.url).pathname;
      const next = onSecond ? path : `${path}?$skiptoken=b`;
      return { _embedded: { items: [record('r-1')] }, _links: { next: { href: next } } };
    });
    const error = await failureOf(pollNewCallRecords.call(poll.context, mitel, binding));
    expect(error.message).toMatch(/Pagination loop/);
    expect(poll.sent.length).toBeLessThanOrEqual(3);
    const text = inspect(error, { showHidden: true, depth: 12 });
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(SENTINEL);
  });
});
