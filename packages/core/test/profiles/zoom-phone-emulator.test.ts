// Zoom Phone through core against the emulator over real HTTP: Server-to-Server OAuth, paging by
// next_page_token, renewal after revocation, and what a wrong secret tells the person.
import { SwitchboardError } from '../../src/errors/switchboard-error';
import { getProfile } from '../../src/profiles/registry';
import { emulatorCredentials, seedSecrets } from './support/emulator-credentials';
import { useEmulatorSession } from './support/emulator-session';

const session = useEmulatorSession();
const zoom = () =>
  session.connect(
    getProfile('zoom-phone'),
    emulatorCredentials('zoom-phone', session.emulator.url),
  );
const tokenRequests = () => session.emulator.control.counters().tokenRequests.byProvider.zoom ?? 0;

describe('Zoom Phone', () => {
  it('returns every phone user and a month of call history on one token', async () => {
    const connection = zoom();
    const before = tokenRequests();
    const users = await connection.execute('phoneUser.list', {}, { returnAll: true });
    expect(users.data).toHaveLength(150);
    expect(new Set((users.data as Array<{ id: string }>).map((user) => user.id)).size).toBe(150);
    const calls = await connection.execute(
      'callHistory.list',
      { from: '2026-11-01', to: '2026-11-30' },
      { returnAll: true },
    );
    expect(calls.data).toHaveLength(500);
    const first = (users.data as Array<{ id: string }>)[0]?.id ?? '';
    const user = await connection.execute('phoneUser.get', { userId: first });
    expect((user.data as { id: string }).id).toBe(first);
    const me = await connection.execute('user.me', {});
    expect((me.data as { type: number }).type).toBe(2);
    expect(tokenRequests()).toBe(before + 1);
  });

  it('streams pages of at most the page size and stops at the empty next_page_token', async () => {
    let pages = 0;
    let seen = 0;
    for await (const page of zoom().pages('user.list', { pageSize: 15 })) {
      expect(page.items.length).toBeLessThanOrEqual(15);
      seen += page.items.length;
      pages += 1;
    }
    expect([pages, seen]).toEqual([3, 40]);
  });

  it('renews a revoked token once and carries on', async () => {
    const connection = zoom();
    await connection.execute('user.me', {});
    const before = tokenRequests();
    session.emulator.control.revokeTokens('zoom');
    await connection.execute('phoneUser.list', { pageSize: 5 });
    expect(tokenRequests()).toBe(before + 1);
  });

  it('explains a wrong client secret without repeating it', async () => {
    const credentials = {
      ...emulatorCredentials('zoom-phone', session.emulator.url),
      clientSecret: 'typed-wrong-zoom-secret',
    };
    const error = await session
      .connect(getProfile('zoom-phone'), credentials)
      .execute('user.me', {})
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SwitchboardError);
    expect((error as SwitchboardError).code).toBe('invalid_client');
    expect((error as SwitchboardError).hint).toBeTruthy();
    const text = `${String(error)} ${JSON.stringify(error)} ${(error as SwitchboardError).hint}`;
    for (const secret of [...seedSecrets(), 'typed-wrong-zoom-secret']) {
      expect(text).not.toContain(secret);
    }
  });
});
