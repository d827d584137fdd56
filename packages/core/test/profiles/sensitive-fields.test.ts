import { bindCredentials } from '../../src/profiles/bind';
// Mitel user items carry each user's sipPassword: every operation that returns users leaves it
// out unless "Include SIP Password" is on, over real HTTP against the emulator (which, like
// CloudLink, sends it), and the option itself is never sent to the provider.
import { EMULATOR_SEED } from '@switchboard/emulator';
import type { Connection } from '../../src/connection/connection';
import { buildOperationRequest } from '../../src/operations/build-request';
import { sensitiveFieldsToRemove, withoutFields } from '../../src/operations/sensitive-fields';
import { getProfile, profiles } from '../../src/profiles/registry';
import { mitelAt } from './support/emulator-credentials';
import { useEmulatorSession } from './support/emulator-session';
import { mitelCredentials } from './helpers';

const mitel = getProfile('mitel-cloudlink');
const acme = EMULATOR_SEED.mitel.prod.accounts.acme.accountId;
const session = useEmulatorSession();
const SIP = 'SIP-SECRET-';

describe('sensitive response fields', () => {
  let admin: Connection;
  beforeAll(() => {
    admin = session.connect(mitel, mitelAt(session.emulator.url));
  });

  it('the emulator sends sipPassword, as CloudLink does (so the checks below can fail)', async () => {
    const request = buildOperationRequest(
      bindCredentials(mitel, mitelAt(session.emulator.url)),
      'user.list',
      {
        accountId: acme,
      },
    );
    // A plain request is not an operation: nothing is stripped from it.
    const response = await admin.request(request);
    expect(JSON.stringify(response.data)).toContain(SIP);
  });

  it('list users (pages, return all, limit, raw) and get user leave sipPassword out', async () => {
    const all = await admin.execute('user.list', { accountId: acme, top: 10 }, { returnAll: true });
    const raw = await admin.execute('user.list', { accountId: acme, top: 10 });
    const users = all.data as { userId: string }[];
    const one = await admin.execute('user.get', { userId: users[0]?.userId });
    const pages: unknown[] = [];
    for await (const page of admin.pages('user.list', { accountId: acme, top: 10 }, { limit: 12 }))
      pages.push(page.items);
    for (const data of [all.data, raw.data, one.data, pages]) {
      expect(JSON.stringify(data)).not.toContain(SIP);
      expect(JSON.stringify(data)).not.toContain('sipPassword');
    }
    expect(users.length).toBeGreaterThan(10);
  });

  it('keeps sipPassword with "Include SIP Password" on', async () => {
    const kept = await admin.execute(
      'user.list',
      { accountId: acme, top: 10, includeSensitiveFields: true },
      { limit: 3 },
    );
    const users = kept.data as { sipPassword?: string }[];
    expect(users).toHaveLength(3);
    for (const user of users) expect(user.sipPassword).toMatch(/^SIP-SECRET-/);
  });

  it('the custom request strips it too, at any depth, unless asked', async () => {
    const params = { method: 'GET', service: 'admin', path: `/accounts/${acme}/users` };
    const stripped = await admin.execute('custom.request', params);
    expect(JSON.stringify(stripped.data)).not.toContain(SIP);
    const kept = await admin.execute('custom.request', { ...params, includeSensitiveFields: true });
    expect(JSON.stringify(kept.data)).toContain(SIP);
  });

  it('the option is Switchboard’s own: never in the request', () => {
    const request = buildOperationRequest(bindCredentials(mitel, mitelCredentials), 'user.list', {
      accountId: 'a-1',
      includeSensitiveFields: true,
    });
    expect(JSON.stringify(request)).not.toContain('includeSensitiveFields');
  });

  it('every declared keep option is a boolean parameter of its operation, default off', () => {
    for (const profile of profiles) {
      for (const operation of profile.operations) {
        const declared = operation.sensitiveResponseFields;
        if (declared === undefined) continue;
        const option = operation.parameters.find((p) => p.name === declared.keepParameter);
        expect(option).toMatchObject({ type: 'boolean', in: 'local', default: false });
        expect(sensitiveFieldsToRemove(operation, {})).toEqual(declared.fields);
      }
    }
  });

  it('withoutFields copies, never mutates', () => {
    const data = { a: [{ sipPassword: 'x', b: { sipPassword: 'y', c: 1 } }] };
    expect(withoutFields(data, ['sipPassword'])).toEqual({ a: [{ b: { c: 1 } }] });
    expect(data.a[0]?.sipPassword).toBe('x');
  });
});
