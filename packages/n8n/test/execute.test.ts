import { profiles } from '@switchboard/core';
import type { OperationDef, ParameterDef, ProviderProfile } from '@switchboard/core';
import { NodeApiError } from 'n8n-workflow';
import type {
  IAdditionalCredentialOptions,
  ICredentialDataDecryptedObject,
  IDataObject,
  IHttpRequestHelper,
  IHttpRequestOptions,
} from 'n8n-workflow';
import { MitelCloudLinkApi } from '../credentials/MitelCloudLinkApi.credentials';
import { MAX_IN_FLIGHT, executeOperations } from '../lib/execute';
import { TokenRequestFailure } from '../lib/failure-shape';
import { OPTIONS, isOptional } from '../lib/node-properties';
import { PROVIDERS, TOKEN_FIELD, type ProviderBinding } from '../lib/providers';
import { failureOf, fakeExecute, httpFailure } from './execute-fake';
import { sampleCredentials } from './fixtures';

function bindingOf(profile: ProviderProfile): ProviderBinding {
  const binding = Object.values(PROVIDERS).find((candidate) => candidate.profileId === profile.id);
  if (binding === undefined) throw new Error(`no binding for ${profile.id}`);
  return binding;
}

/** A value n8n could hold for the parameter, recognisable in the request. */
function sampleParameter(parameter: ParameterDef, operation: OperationDef): unknown {
  if (operation.custom === true) {
    const custom: Record<string, unknown> = {
      method: 'POST',
      path: '/things/t-1',
      query: '{"page": 2}',
      headers: '{"X-Trace": "abc"}',
      body: '{"name": "thing"}',
    };
    if (parameter.name in custom) return custom[parameter.name];
  }
  switch (parameter.type) {
    case 'number':
      return 7;
    case 'boolean':
      return true;
    case 'options':
      return parameter.options?.[0]?.value ?? '';
    case 'multiOptions':
      // Free-text lists are a text field in n8n (see properties.ts), comma-separated.
      if (parameter.allowCustomValues === true) return 'role-a, role-b';
      return parameter.options?.slice(0, 1).map((option) => option.value) ?? [];
    case 'json':
      if (parameter.transform === 'upperCase') return '[{"type": "user", "participantId": "u-1"}]';
      return parameter.merge === true ? '{"extraField": "x"}' : '{"key": "value"}';
    default:
      return `v-${parameter.name}`;
  }
}

function bodyOf(request: IHttpRequestOptions | undefined): IDataObject {
  return (request?.body ?? {}) as IDataObject;
}

describe('parameter → request mapping, every operation of every provider', () => {
  for (const profile of profiles) {
    for (const operation of profile.operations) {
      it(`${profile.id} ${operation.id}`, async () => {
        const parameters: Record<string, unknown> = {
          resource: operation.resource,
          operation: operation.operation,
          returnAll: false,
          limit: 1,
        };
        // Optional parameters as the editor stores them once added: inside Options.
        const options: Record<string, unknown> = {};
        for (const parameter of operation.parameters) {
          const target = isOptional(parameter) ? options : parameters;
          target[parameter.name] = sampleParameter(parameter, operation);
        }
        parameters[OPTIONS] = options;
        const credentials = sampleCredentials(profile) as Record<string, string>;
        const binding = bindingOf(profile);
        // One item whatever the pagination style: a HAL collection that is also a plain object,
        // and a top-level array where the pages keep their items there (Zoom's `users`).
        const body: IDataObject = { id: 'r-1', _embedded: { items: [{ id: 'r-1' }] }, _links: {} };
        const pagination = operation.pagination;
        const itemsPath =
          pagination && 'itemsPath' in pagination ? pagination.itemsPath : undefined;
        if (itemsPath !== undefined && !itemsPath.includes('.')) body[itemsPath] = [{ id: 'r-1' }];
        const answer = () => ({ body });
        const { context, sent, credentialTypes } = fakeExecute({ parameters, credentials, answer });

        const [output] = await executeOperations(context, profile, binding);

        expect(credentialTypes).toEqual([binding.credentialName]);
        expect(sent).toHaveLength(1);
        const request = sent[0];
        expect(request?.url).toMatch(/^https?:\/\//);
        expect(request?.headers ?? {}).not.toHaveProperty('Authorization');
        expect(output?.[0]?.pairedItem).toEqual({ item: 0 });
        if (operation.custom === true) {
          expect(request?.method).toBe('POST');
          expect(request?.url).toMatch(/\/things\/t-1$/);
          expect(request?.qs).toMatchObject({ page: 2 });
          expect(request?.headers).toMatchObject({ 'X-Trace': 'abc' });
          expect(bodyOf(request)).toEqual({ name: 'thing' });
          return;
        }
        expect(request?.method).toBe(operation.method);
        for (const parameter of operation.parameters) {
          const wire = parameter.wireName ?? parameter.name;
          const value = (isOptional(parameter) ? options : parameters)[parameter.name];
          if (parameter.in === 'path') {
            expect(request?.url).toContain(`/${encodeURIComponent(String(value))}`);
          } else if (parameter.in === 'query') {
            expect(request?.qs?.[wire]).toBeDefined();
          } else if (parameter.in === 'body' && parameter.merge === true) {
            expect(bodyOf(request).extraField).toBe('x');
          } else if (parameter.in === 'body' && parameter.transform === 'upperCase') {
            expect(bodyOf(request)[wire]).toEqual([{ type: 'USER', participantId: 'u-1' }]);
          } else if (parameter.in === 'body') {
            expect(bodyOf(request)[wire]).toBeDefined();
          }
        }
        for (const key of Object.keys(operation.fixedBody ?? {})) {
          expect(bodyOf(request)[key]).toEqual(operation.fixedBody?.[key]);
        }
        for (const [key, field] of Object.entries(operation.bodyFromCredentials ?? {})) {
          expect(bodyOf(request)[key]).toBe(credentials[field]);
        }
        for (const name of Object.keys(profile.defaultHeaders ?? {})) {
          expect(request?.headers).toHaveProperty(name);
        }
      });
    }
  }
});

describe('execute', () => {
  const mitel = profiles.find((profile) => profile.id === 'mitel-cloudlink') as ProviderProfile;
  const credentials = sampleCredentials(mitel) as Record<string, string>;
  const listUsers = {
    resource: 'user',
    operation: 'list',
    accountId: 'acc-1',
    options: { top: 2 },
  };
  const page = (ids: number[], next?: string) => ({
    body: {
      count: ids.length,
      _embedded: { items: ids.map((id) => ({ userId: `u${id}` })) },
      _links: next === undefined ? {} : { next: { href: next } },
    },
  });

  it('Return All follows the next links until the last page', async () => {
    const { context, sent } = fakeExecute({
      parameters: { ...listUsers, returnAll: true },
      credentials,
      answer: (_request, index) =>
        index === 0
          ? page(
              [1, 2],
              'https://admin.api.mitel.io/2017-09-01/accounts/acc-1/users?$skip=2&$top=2',
            )
          : page([3]),
    });
    const [output] = await executeOperations(context, mitel, PROVIDERS['mitel-cloudlink']);
    expect(output?.map((item) => item.json.userId)).toEqual(['u1', 'u2', 'u3']);
    expect(sent).toHaveLength(2);
  });

  it('Limit stops fetching once enough items arrived', async () => {
    const { context, sent } = fakeExecute({
      parameters: { ...listUsers, returnAll: false, limit: 2 },
      credentials,
      answer: () =>
        page([1, 2], 'https://admin.api.mitel.io/2017-09-01/accounts/acc-1/users?$skip=2&$top=2'),
    });
    const [output] = await executeOperations(context, mitel, PROVIDERS['mitel-cloudlink']);
    expect(output).toHaveLength(2);
    expect(sent).toHaveLength(1);
  });

  it('throws a NodeApiError with the provider’s message and our hint', async () => {
    const { context } = fakeExecute({
      parameters: { resource: 'user', operation: 'get', userId: 'nobody' },
      credentials,
      answer: () => {
        throw httpFailure(
          404,
          { name: 'NotFound', message: 'User nobody does not exist' },
          { 'x-mitel-correlation-id': 'corr-9' },
        );
      },
    });
    const failure = await failureOf<NodeApiError>(
      executeOperations(context, mitel, PROVIDERS['mitel-cloudlink']),
    );
    expect(failure).toBeInstanceOf(NodeApiError);
    expect(failure.message).toContain('User nobody does not exist');
    expect(failure.description).toBeTruthy();
    expect(failure.httpCode).toBe('404');
    expect(failure.context.itemIndex).toBe(0);
  });

  it('with continueOnFail, outputs the error on the failing item and goes on', async () => {
    const { context } = fakeExecute({
      parameters: [
        { resource: 'user', operation: 'get', userId: 'nobody' },
        { resource: 'user', operation: 'get', userId: 'u-2' },
      ],
      credentials,
      continueOnFail: true,
      answer: (request) => {
        if (String(request.url).endsWith('/nobody'))
          throw httpFailure(404, { name: 'NotFound', message: 'no such user' });
        return { body: { userId: 'u-2' } };
      },
    });
    const [output] = await executeOperations(context, mitel, PROVIDERS['mitel-cloudlink']);
    expect(output).toHaveLength(2);
    expect(output?.[0]?.json).toMatchObject({ status: 404 });
    expect(String(output?.[0]?.json.error)).toContain('no such user');
    expect(output?.[0]?.json.hint).toBeTruthy();
    expect(output?.[0]?.pairedItem).toEqual({ item: 0 });
    expect(output?.[1]).toEqual({ json: { userId: 'u-2' }, pairedItem: { item: 1 } });
  });

  it('empties an expiring token before the request, so n8n renews it first', async () => {
    const now = Date.now();
    const { context, sent } = fakeExecute({
      parameters: { resource: 'auth', operation: 'whoAmI' },
      credentials: {
        ...credentials,
        accessToken: 'old',
        tokenObtainedAt: now - 3600_000,
        tokenExpiresAt: now + 1000,
      },
      answer: () => ({ body: { claims: {} } }),
    });
    const seen: unknown[] = [];
    const helpers = context.helpers as unknown as {
      httpRequestWithAuthentication: (...args: unknown[]) => Promise<unknown>;
    };
    const original = helpers.httpRequestWithAuthentication;
    helpers.httpRequestWithAuthentication = async (...args: unknown[]) => {
      const options = args[2] as
        { credentialsDecrypted?: { data?: Record<string, unknown> } } | undefined;
      seen.push(options?.credentialsDecrypted?.data?.accessToken);
      return original(...args);
    };
    await executeOperations(context, mitel, PROVIDERS['mitel-cloudlink']);
    expect(sent).toHaveLength(1);
    expect(seen).toEqual(['']);
  });

  it('reports missing required parameters before sending anything', async () => {
    const { context, sent } = fakeExecute({
      parameters: { resource: 'user', operation: 'get', userId: '' },
      credentials,
    });
    const failure = await failureOf<Error>(
      executeOperations(context, mitel, PROVIDERS['mitel-cloudlink']),
    );
    expect(failure.message).toMatch(/User ID/);
    expect(sent).toHaveLength(0);
  });

  it('passes a token-request failure on with its message and hint', async () => {
    const { context } = fakeExecute({
      parameters: { resource: 'auth', operation: 'whoAmI' },
      credentials,
      answer: () => {
        throw Object.assign(new Error('wrapped'), {
          cause: new Error('Mitel rejected the client secret (401). — Check the secret'),
        });
      },
    });
    const failure = await failureOf<Error>(
      executeOperations(context, mitel, PROVIDERS['mitel-cloudlink']),
    );
    expect(failure.message).toBe('Mitel rejected the client secret (401). — Check the secret');
  });
});

describe('Continue On Fail: every failure has the same shape', () => {
  const mitel = profiles.find((profile) => profile.id === 'mitel-cloudlink') as ProviderProfile;
  const credentials = sampleCredentials(mitel) as Record<string, string>;

  async function failedItem(
    parameters: Record<string, unknown>,
    answer: () => never,
  ): Promise<IDataObject> {
    const { context } = fakeExecute({ parameters, credentials, continueOnFail: true, answer });
    const [output] = await executeOperations(context, mitel, PROVIDERS['mitel-cloudlink']);
    expect(output).toHaveLength(1);
    return output?.[0]?.json ?? {};
  }

  it('a token failure: error, hint, code and the token endpoint’s status', async () => {
    const json = await failedItem({ resource: 'auth', operation: 'whoAmI' }, () => {
      // n8n wraps what preAuthentication throws.
      throw Object.assign(new Error('wrapped by n8n'), {
        cause: new TokenRequestFailure(
          'Mitel rejected the client secret.',
          'Check it.',
          'invalid_client',
          401,
        ),
      });
    });
    expect(json).toEqual({
      error: 'Mitel rejected the client secret.',
      hint: 'Check it.',
      code: 'invalid_client',
      status: 401,
    });
  });

  it('an API failure: error, hint, code and status', async () => {
    const json = await failedItem({ resource: 'user', operation: 'get', userId: 'nobody' }, () => {
      throw httpFailure(404, { name: 'NotFound', message: 'no such user' });
    });
    expect(Object.keys(json).sort()).toEqual(['code', 'error', 'hint', 'status']);
    expect(json).toMatchObject({ code: 'not_found', status: 404 });
    expect(json.hint).toBeTruthy();
  });

  it('a configuration failure: error, hint and code, no status', async () => {
    const json = await failedItem({ resource: 'user', operation: 'get', userId: '' }, () => {
      throw new Error('must not be sent');
    });
    expect(Object.keys(json).sort()).toEqual(['code', 'error', 'hint']);
    expect(json.code).toBe('invalid_configuration');
    expect(String(json.error)).toMatch(/User ID/);
  });

  it('a network failure: error, hint and code', async () => {
    const json = await failedItem({ resource: 'auth', operation: 'whoAmI' }, () => {
      throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    });
    expect(Object.keys(json).sort()).toEqual(['code', 'error', 'hint']);
    expect(json.code).toBe('network_refused');
  });
});

describe('many items: idempotent operations concurrently, the rest one after another', () => {
  const mitel = profiles.find((profile) => profile.id === 'mitel-cloudlink') as ProviderProfile;
  const credentials = sampleCredentials(mitel) as Record<string, string>;
  const ITEMS = 2 * MAX_IN_FLIGHT + 5;
  const getUser = (index: number) => ({ resource: 'user', operation: 'get', userId: `u${index}` });
  const createConversation = (index: number) => ({
    resource: 'conversation',
    operation: 'create',
    participants: `[{"type": "USER", "participantId": "u${index}"}]`,
  });
  const userOf = (request: IHttpRequestOptions) => String(request.url).split('/').pop() ?? '';
  const participantOf = (request: IHttpRequestOptions) =>
    String(
      (bodyOf(request).originalParticipants as Array<{ participantId: string }>)[0]?.participantId,
    );
  /** Event-loop turns: later items answer sooner, so completion order is not input order. */
  const turns = async (count: number) => {
    for (let turn = 0; turn < count; turn++) await new Promise((done) => setImmediate(done));
  };

  /** Answers after a delay that shrinks with the item, recording how many are in flight. */
  function tracked(
    respond: (id: string) => { body: unknown },
    idOf: (request: IHttpRequestOptions) => string,
  ) {
    const state = { inFlight: 0, maxInFlight: 0, sentWhileFirstPending: [] as number[] };
    const sent: string[] = [];
    const answer = async (request: IHttpRequestOptions) => {
      const id = idOf(request);
      sent.push(id);
      state.inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      await turns(ITEMS - Number(id.slice(1)));
      if (id === 'u0') state.sentWhileFirstPending.push(sent.length);
      state.inFlight--;
      return respond(id);
    };
    return { state, sent, answer };
  }

  it('keeps input order and pairedItem, the first item alone, at most MAX_IN_FLIGHT in flight', async () => {
    const { state, answer } = tracked((id) => ({ body: { userId: id } }), userOf);
    const parameters = Array.from({ length: ITEMS }, (_, index) => getUser(index));
    const { context } = fakeExecute({ parameters, credentials, answer });

    const [output] = await executeOperations(context, mitel, PROVIDERS['mitel-cloudlink']);

    expect(output?.map((item) => item.json.userId)).toEqual(
      parameters.map((parameter) => parameter.userId),
    );
    expect(output?.map((item) => item.pairedItem)).toEqual(
      parameters.map((_, index) => ({ item: index })),
    );
    expect(state.sentWhileFirstPending).toEqual([1]);
    expect(state.maxInFlight).toBe(MAX_IN_FLIGHT);
  });

  it('without continueOnFail, throws the first failing item in input order', async () => {
    // u12 answers before u5 (later items answer sooner), yet u5 is the one reported.
    const { answer } = tracked((id) => {
      if (id === 'u5' || id === 'u12') throw httpFailure(404, { message: `no user ${id}` });
      return { body: { userId: id } };
    }, userOf);
    const parameters = Array.from({ length: ITEMS }, (_, index) => getUser(index));
    const { context, sent } = fakeExecute({ parameters, credentials, answer });

    const failure = await failureOf<NodeApiError>(
      executeOperations(context, mitel, PROVIDERS['mitel-cloudlink']),
    );

    expect(failure).toBeInstanceOf(NodeApiError);
    expect(failure.context.itemIndex).toBe(5);
    expect(failure.message).toContain('no user u5');
    // Nothing new starts once a failure is known: not every item was sent.
    expect(sent.length).toBeLessThan(ITEMS);
  });

  it('with continueOnFail, each failure sits at its own position', async () => {
    const { answer } = tracked((id) => {
      if (id === 'u5' || id === 'u12') throw httpFailure(404, { message: `no user ${id}` });
      return { body: { userId: id } };
    }, userOf);
    const parameters = Array.from({ length: ITEMS }, (_, index) => getUser(index));
    const { context } = fakeExecute({ parameters, credentials, answer, continueOnFail: true });

    const [output] = await executeOperations(context, mitel, PROVIDERS['mitel-cloudlink']);

    expect(output).toHaveLength(ITEMS);
    for (const [index, item] of (output ?? []).entries()) {
      expect(item.pairedItem).toEqual({ item: index });
      if (index === 5 || index === 12) {
        expect(item.json).toMatchObject({ status: 404 });
        expect(String(item.json.error)).toContain(`no user u${index}`);
      } else {
        expect(item.json).toEqual({ userId: `u${index}` });
      }
    }
  });

  it('sends a non-idempotent operation one item at a time, in input order', async () => {
    const { state, sent, answer } = tracked(
      (id) => ({ body: { conversationId: `c-${id}` } }),
      participantOf,
    );
    const parameters = Array.from({ length: ITEMS }, (_, index) => createConversation(index));
    const { context } = fakeExecute({ parameters, credentials, answer });

    const [output] = await executeOperations(context, mitel, PROVIDERS['mitel-cloudlink']);

    expect(state.maxInFlight).toBe(1);
    expect(sent).toEqual(parameters.map((_, index) => `u${index}`));
    expect(output?.map((item) => item.json.conversationId)).toEqual(
      parameters.map((_, index) => `c-u${index}`),
    );
  });

  it('sends no side-effecting request after a failure', async () => {
    const { sent, answer } = tracked((id) => {
      if (id === 'u3') throw httpFailure(400, { message: 'bad participant' });
      return { body: { conversationId: `c-${id}` } };
    }, participantOf);
    const parameters = Array.from({ length: ITEMS }, (_, index) => createConversation(index));
    const { context } = fakeExecute({ parameters, credentials, answer });

    const failure = await failureOf<NodeApiError>(
      executeOperations(context, mitel, PROVIDERS['mitel-cloudlink']),
    );

    expect(failure.context.itemIndex).toBe(3);
    expect(sent).toEqual(['u0', 'u1', 'u2', 'u3']);
  });

  it('waits for the reads before it before a side-effecting item, and resumes after', async () => {
    const { state, sent, answer } = tracked(
      (id) => ({ body: { id } }),
      (request) => (request.method === 'POST' ? participantOf(request) : userOf(request)),
    );
    const parameters = [getUser(0), getUser(1), getUser(2), createConversation(3), getUser(4)];
    const order: string[] = [];
    const { context } = fakeExecute({
      parameters,
      credentials,
      answer: async (request) => {
        const reply = await answer(request);
        order.push(`done ${String((reply.body as { id: string }).id)}`);
        return reply;
      },
    });

    const [output] = await executeOperations(context, mitel, PROVIDERS['mitel-cloudlink']);

    expect(output?.map((item) => item.json.id)).toEqual(['u0', 'u1', 'u2', 'u3', 'u4']);
    // u3 (the POST) only goes out once u1 and u2 are done, and u4 only after u3.
    expect(sent.indexOf('u3')).toBe(3);
    expect(order.indexOf('done u1')).toBeLessThan(order.indexOf('done u3'));
    expect(order.indexOf('done u2')).toBeLessThan(order.indexOf('done u3'));
    expect(order.indexOf('done u3')).toBeLessThan(order.indexOf('done u4'));
    expect(state.maxInFlight).toBe(2);
  });
});

describe('many items: a revoked token is renewed once', () => {
  const mitel = profiles.find((profile) => profile.id === 'mitel-cloudlink') as ProviderProfile;
  const ITEMS = 2 * MAX_IN_FLIGHT + 5;

  it('one grant for all the 401s of the items in flight, later items use the new token', async () => {
    const credentials = {
      ...(sampleCredentials(mitel) as Record<string, string>),
      accessToken: 'old',
      tokenObtainedAt: String(Date.now()),
      tokenExpiresAt: String(Date.now() + 3_600_000),
    };
    const parameters = Array.from({ length: ITEMS }, (_, index) => ({
      resource: 'user',
      operation: 'get',
      userId: `u${index}`,
    }));
    const { context } = fakeExecute({ parameters, credentials });
    // n8n's credential's preAuthentication (with the process's single flight) against a token
    // endpoint that counts its grants.
    let grants = 0;
    const tokenHelper = {
      helpers: {
        httpRequest: async () => {
          grants++;
          await new Promise((done) => setImmediate(done));
          const body = { access_token: `fresh-${grants}`, token_type: 'Bearer', expires_in: 3600 };
          return { statusCode: 201, headers: {}, body: JSON.stringify(body) };
        },
      },
    } as unknown as IHttpRequestHelper;
    const credentialType = new MitelCloudLinkApi();
    const preAuthenticate = async (data: ICredentialDataDecryptedObject) =>
      Object.assign(data, await credentialType.preAuthentication.call(tokenHelper, data));
    // n8n's httpRequestWithAuthentication: renews an empty token first, and once after a 401,
    // on the very object it was handed; 401s arrive at different times (the item's turns).
    const sentWith: string[] = [];
    const revoked = new Set<string>();
    (context.helpers as unknown as Record<string, unknown>).httpRequestWithAuthentication = async (
      _type: string,
      request: IHttpRequestOptions,
      extra: IAdditionalCredentialOptions,
    ) => {
      const data = extra.credentialsDecrypted?.data as ICredentialDataDecryptedObject;
      if (data[TOKEN_FIELD] === '') await preAuthenticate(data);
      const index = Number(String(request.url).split('/u').pop());
      const token = String(data[TOKEN_FIELD]);
      sentWith.push(token);
      for (let turn = 0; turn < (index % 7) * 3; turn++)
        await new Promise((done) => setImmediate(done));
      if (revoked.has(token)) {
        await preAuthenticate(data);
        sentWith.push(String(data[TOKEN_FIELD]));
      }
      // Revoked once the first item is answered: the MAX_IN_FLIGHT sent next all meet a 401.
      if (index === 0) revoked.add('old');
      return { statusCode: 200, headers: {}, body: { userId: `u${index}` } };
    };

    const [output] = await executeOperations(context, mitel, PROVIDERS['mitel-cloudlink']);

    expect(output?.map((item) => item.json.userId)).toEqual(parameters.map((p) => p.userId));
    expect(grants).toBe(1);
    // Item 0 and the MAX_IN_FLIGHT started after it used the old token; every later send the new one.
    const old = 1 + MAX_IN_FLIGHT;
    expect(sentWith.filter((token) => token === 'old')).toHaveLength(old);
    expect(sentWith.slice(old)).toEqual(Array(sentWith.length - old).fill('fresh-1'));
  });
});
