// Items 2–4 of "hostile providers" at unit level, every provider: no redirect is followed with
// credentials, secrets echoed by a provider are masked in every error form, and looping next
// links stop. (tools/e2e/n8n/hostile.e2e.ts proves the same through n8n's real request stack.)
import { inspect } from 'node:util';
import { getProfile, isPaged, profiles } from '@switchboard/core';
import type { OperationDef, ProviderProfile } from '@switchboard/core';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { credentialTest } from '../lib/credential';
import { executeOperations } from '../lib/execute';
import { PROVIDERS, TOKEN_FIELD, type ProviderBinding } from '../lib/providers';
import { failureOf, fakeExecute, httpFailure } from './execute-fake';
import { SENTINEL, sampleCredentials } from './fixtures';

const TOKEN = 'SENTINEL-n8n-access-token-55e1';

function bindingOf(profile: ProviderProfile): ProviderBinding {
  const binding = Object.values(PROVIDERS).find((candidate) => candidate.profileId === profile.id);
  if (binding === undefined) throw new Error(`no binding for ${profile.id}`);
  return binding;
}

function credentialsOf(profile: ProviderProfile): ICredentialDataDecryptedObject {
  return { ...sampleCredentials(profile), [TOKEN_FIELD]: TOKEN } as ICredentialDataDecryptedObject;
}

/** Every parameter of a GET operation filled in (a custom request gets GET /things). */
function parametersOf(operation: OperationDef): Record<string, unknown> {
  const values: Record<string, unknown> = {
    resource: operation.resource,
    operation: operation.operation,
    returnAll: true,
  };
  for (const parameter of operation.parameters) {
    if (parameter.type === 'string') values[parameter.name] = 'p-1';
    else if (parameter.default !== undefined) values[parameter.name] = parameter.default;
  }
  if (operation.custom === true) Object.assign(values, { method: 'GET', path: '/things' });
  return values;
}

function errorForms(error: unknown): string {
  const record = error as { message?: unknown; description?: unknown; stack?: unknown };
  return [
    String(record.message),
    String(record.description),
    String(record.stack),
    JSON.stringify(error),
    inspect(error, { showHidden: true, depth: 12 }),
  ].join('\n');
}

describe.each(profiles.map((profile) => [profile.id, profile] as const))('%s', (_id, profile) => {
  const operation = profile.operations.find((candidate) => candidate.method === 'GET');
  if (operation === undefined) return;
  const parameters = parametersOf(operation);

  it('asks n8n never to follow a redirect, nor to send credentials across origins', async () => {
    const fake = fakeExecute({ parameters, credentials: credentialsOf(profile) });
    await executeOperations(fake.context, profile, bindingOf(profile)).catch(() => undefined);
    expect(fake.sent.length).toBeGreaterThan(0);
    for (const request of fake.sent) {
      expect(request.disableFollowRedirect).toBe(true);
      expect(request.sendCredentialsOnCrossOriginRedirect).toBe(false);
    }
  });

  it('the credential test request follows no redirect either', () => {
    const { request } = credentialTest(profile);
    expect(request).toMatchObject({
      disableFollowRedirect: true,
      sendCredentialsOnCrossOriginRedirect: false,
    });
  });

  it('reports a redirect instead of following it', async () => {
    const fake = fakeExecute({
      parameters,
      credentials: credentialsOf(profile),
      answer: () => {
        throw httpFailure(302, '', { location: 'https://elsewhere.example.test/x' });
      },
    });
    const error = await failureOf(executeOperations(fake.context, profile, bindingOf(profile)));
    expect(error.message).toMatch(/302 \(a redirect to https:\/\/elsewhere\.example\.test\/x\)/);
  });

  it('masks the token and every credential secret a provider echoes in an error body', async () => {
    const echoed = Object.values(credentialsOf(profile)).filter(
      (value) => typeof value === 'string' && value.startsWith('SENTINEL'),
    );
    const body = { message: `you sent ${echoed.join(' and ')}`, error: `Bearer ${TOKEN}` };
    for (const continueOnFail of [false, true]) {
      const fake = fakeExecute({
        parameters,
        credentials: credentialsOf(profile),
        continueOnFail,
        answer: () => {
          throw httpFailure(400, body);
        },
      });
      const run = executeOperations(fake.context, profile, bindingOf(profile));
      const text = continueOnFail
        ? inspect(await run, { showHidden: true, depth: 12 })
        : errorForms(await failureOf(run));
      expect(text).toMatch(/you sent/);
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(SENTINEL);
    }
  });
});

describe('"Return All" with looping next links', () => {
  const mitel = getProfile('mitel-cloudlink');
  const paged = mitel.operations.filter(isPaged);

  it.each(paged.map((operation) => [operation.id, operation] as const))(
    '%s stops when page B links back to page A',
    async (_id, operation) => {
      const fake = fakeExecute({
        parameters: parametersOf(operation),
        credentials: credentialsOf(mitel),
        answer: (request) => {
          const url = new URL(request.url);
          const onB = (request.qs as Record<string, unknown> | undefined)?.page === 'b';
          const next = onB ? url.pathname : `${url.pathname}?page=b`;
          return { body: { _links: { next: { href: next } }, _embedded: { items: [{ id: 1 }] } } };
        },
      });
      const error = await failureOf(executeOperations(fake.context, mitel, bindingOf(mitel)));
      expect(error.message).toMatch(/Pagination loop/);
      // A, B, then A again is recognised before it is sent.
      expect(fake.sent.length).toBeLessThanOrEqual(3);
    },
  );
});
