import { getProfile } from '@switchboard/core';
import type { IDataObject } from 'n8n-workflow';
import { TokenSingleFlight } from '../lib/single-flight';
import { TOKEN_EXPIRES_FIELD, TOKEN_FIELD, TOKEN_OBTAINED_FIELD } from '../lib/providers';
import { SENTINEL } from './fixtures';

const mitel = getProfile('mitel-cloudlink');
const values = { clientId: 'client-1', clientSecret: `${SENTINEL}-secret`, accountId: 'acc-1' };
const HOUR = 3600_000;

function tokenFor(name: string, obtainedAt: number, lifetime = HOUR): IDataObject {
  return {
    [TOKEN_FIELD]: name,
    [TOKEN_OBTAINED_FIELD]: obtainedAt,
    [TOKEN_EXPIRES_FIELD]: obtainedAt + lifetime,
  };
}

/** A grant that answers only when released, counting how often it ran. */
function gatedGrant(result: IDataObject) {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const grant = jest.fn(async () => {
    await gate;
    return result;
  });
  return { grant, release };
}

describe('TokenSingleFlight', () => {
  it('runs one grant for 50 concurrent callers holding the same stale token', async () => {
    const flight = new TokenSingleFlight(() => 1000);
    const { grant, release } = gatedGrant(tokenFor('new', 1000));
    const callers = Array.from({ length: 50 }, () =>
      flight.renew({ profile: mitel, values, staleToken: 'revoked' }, grant),
    );
    release();
    const results = await Promise.all(callers);
    expect(grant).toHaveBeenCalledTimes(1);
    expect(new Set(results.map((result) => result[TOKEN_FIELD]))).toEqual(new Set(['new']));
    // Each gets its own copy: n8n writes into it.
    expect(results[0]).not.toBe(results[1]);
  });

  it('gives a late caller with the same stale token the renewed one while it is valid', async () => {
    let now = 1000;
    const flight = new TokenSingleFlight(() => now);
    const first = jest.fn(async () => tokenFor('new', 1000));
    await flight.renew({ profile: mitel, values, staleToken: '' }, first);
    now = 1000 + HOUR / 2;
    const late = jest.fn(async () => tokenFor('other', now));
    const result = await flight.renew({ profile: mitel, values, staleToken: '' }, late);
    expect(result[TOKEN_FIELD]).toBe('new');
    expect(late).not.toHaveBeenCalled();
  });

  it('grants again once the renewed token is due for renewal itself', async () => {
    let now = 1000;
    const flight = new TokenSingleFlight(() => now);
    await flight.renew({ profile: mitel, values, staleToken: '' }, async () =>
      tokenFor('new', 1000),
    );
    now = 1000 + HOUR - 1000; // inside Mitel's renew-early window
    const again = jest.fn(async () => tokenFor('newer', now));
    const result = await flight.renew({ profile: mitel, values, staleToken: '' }, again);
    expect(again).toHaveBeenCalledTimes(1);
    expect(result[TOKEN_FIELD]).toBe('newer');
  });

  it('grants again for a caller whose stale token is the renewed one (revoked since)', async () => {
    const flight = new TokenSingleFlight(() => 1000);
    await flight.renew({ profile: mitel, values, staleToken: 'old' }, async () =>
      tokenFor('new', 1000),
    );
    const again = jest.fn(async () => tokenFor('newer', 1000));
    await flight.renew({ profile: mitel, values, staleToken: 'new' }, again);
    expect(again).toHaveBeenCalledTimes(1);
  });

  it('keeps credentials with different values (another secret, account or provider) apart', async () => {
    const flight = new TokenSingleFlight(() => 1000);
    const grant = jest.fn(async () => tokenFor('t', 1000));
    await flight.renew({ profile: mitel, values, staleToken: '' }, grant);
    await flight.renew(
      { profile: mitel, values: { ...values, clientSecret: 'other' }, staleToken: '' },
      grant,
    );
    await flight.renew(
      { profile: mitel, values: { ...values, accountId: 'acc-2' }, staleToken: '' },
      grant,
    );
    await flight.renew({ profile: getProfile('generic-oauth2'), values, staleToken: '' }, grant);
    expect(grant).toHaveBeenCalledTimes(4);
  });

  it('shares a failure with the callers waiting on it, then lets the next one try again', async () => {
    const flight = new TokenSingleFlight(() => 1000);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const failing = jest.fn(async () => {
      await gate;
      throw new Error('ClientSecretMismatch');
    });
    const callers = Array.from({ length: 5 }, () =>
      flight.renew({ profile: mitel, values, staleToken: '' }, failing).catch((e: Error) => e),
    );
    release();
    const failures = await Promise.all(callers);
    expect(failing).toHaveBeenCalledTimes(1);
    expect(failures.every((failure) => failure instanceof Error)).toBe(true);
    const retry = jest.fn(async () => tokenFor('ok', 1000));
    expect(
      (await flight.renew({ profile: mitel, values, staleToken: '' }, retry))[TOKEN_FIELD],
    ).toBe('ok');
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('keeps at most its capacity of renewed tokens, dropping the oldest', async () => {
    const flight = new TokenSingleFlight(() => 1000, 3);
    for (let index = 0; index < 10; index++) {
      await flight.renew({ profile: mitel, values, staleToken: `stale-${index}` }, async () =>
        tokenFor(`t-${index}`, 1000),
      );
    }
    expect(flight.size).toBe(3);
    const oldest = jest.fn(async () => tokenFor('again', 1000));
    await flight.renew({ profile: mitel, values, staleToken: 'stale-0' }, oldest);
    expect(oldest).toHaveBeenCalledTimes(1);
    const newest = jest.fn(async () => tokenFor('again', 1000));
    await flight.renew({ profile: mitel, values, staleToken: 'stale-9' }, newest);
    expect(newest).not.toHaveBeenCalled();
  });

  it('never keeps a secret or token in its keys', async () => {
    const flight = new TokenSingleFlight(() => 1000);
    await flight.renew({ profile: mitel, values, staleToken: `${SENTINEL}-stale` }, async () =>
      tokenFor('t', 1000),
    );
    const keys = [...(flight as unknown as { renewed: Map<string, unknown> }).renewed.keys()];
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{64}$/);
  });
});
