import { basic, call, EMULATOR_SEED, postForm, useEmulator } from './helpers';

const { full, agentOnly, rawSecret } = EMULATOR_SEED.sangoma.clients;
const YEAR = 365 * 24 * 3600;

describe('Sangoma CX token endpoint', () => {
  const emulator = useEmulator();
  const tokenUrl = () => `${emulator().url}/sangoma/auth/oauth/token`;
  const request = (client: { clientId: string; clientSecret: string }, scope: string) =>
    postForm(
      tokenUrl(),
      { grant_type: 'client_credentials', scope },
      { authorization: basic(client.clientId, client.clientSecret) },
    );

  it('issues a one-year bearer token for granted scopes', async () => {
    const answer = await request(full, 'cx.agent-calls cx.queue-calls');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      access_token: expect.any(String),
      scope: 'cx.agent-calls cx.queue-calls',
      token_type: 'bearer',
      expires_in: YEAR,
    });
  });

  it('returns the same token, with its remaining lifetime, until it expires', async () => {
    const first = await request(full, 'cx.agent-calls');
    emulator().control.advanceClock(1000);
    const second = await request(full, 'cx.agent-calls');
    expect(second.body.access_token).toBe(first.body.access_token);
    // Remaining lifetime: 1000 s of emulated time plus the (sub-second) real time between calls.
    expect(second.body.expires_in).toBeLessThanOrEqual(YEAR - 1000);
    expect(second.body.expires_in).toBeGreaterThan(YEAR - 2000);
    emulator().control.advanceClock(YEAR);
    const renewed = await request(full, 'cx.agent-calls');
    expect(renewed.body.access_token).not.toBe(first.body.access_token);
    expect(renewed.body.expires_in).toBe(YEAR);
  });

  it('issues a new token after revocation', async () => {
    const first = await request(full, 'cx.agent-calls');
    expect(emulator().control.revokeToken(first.body.access_token as string)).toBe(true);
    const second = await request(full, 'cx.agent-calls');
    expect(second.body.access_token).not.toBe(first.body.access_token);
  });

  it('accepts only HTTP Basic', async () => {
    const inBody = await postForm(tokenUrl(), {
      grant_type: 'client_credentials',
      scope: 'cx.agent-calls',
      client_id: full.clientId,
      client_secret: full.clientSecret,
    });
    expect(inBody.status).toBe(401);
    expect(inBody.body.error).toBe('invalid_client');
    expect(inBody.headers.get('www-authenticate')).toContain('Basic');
    const both = await postForm(
      tokenUrl(),
      { grant_type: 'client_credentials', scope: 'cx.agent-calls', client_id: full.clientId },
      { authorization: basic(full.clientId, full.clientSecret) },
    );
    expect(both.status).toBe(400);
  });

  it('decodes Basic raw: a secret with + / = only works unencoded', async () => {
    expect((await request(rawSecret, 'cx.agent-calls')).status).toBe(200);
    const strict = encodeURIComponent(rawSecret.clientSecret);
    expect(
      (await request({ clientId: rawSecret.clientId, clientSecret: strict }, 'cx.agent-calls'))
        .status,
    ).toBe(401);
  });

  it('requires at least one scope, each granted to the client', async () => {
    const none = await request(full, '');
    expect(none.status).toBe(400);
    expect(none.body.error).toBe('invalid_scope');
    const notGranted = await request(agentOnly, 'cx.agent-calls cx.queue-calls');
    expect(notGranted.status).toBe(400);
    expect(notGranted.body).toEqual({
      error: 'invalid_scope',
      error_description: expect.stringContaining('cx.queue-calls'),
    });
  });

  it('rejects other grants, wrong secrets and JSON bodies', async () => {
    const grant = await postForm(
      tokenUrl(),
      { grant_type: 'password', scope: 'cx.agent-calls' },
      { authorization: basic(full.clientId, full.clientSecret) },
    );
    expect(grant.body.error).toBe('unsupported_grant_type');
    expect(
      (await request({ clientId: full.clientId, clientSecret: 'wrong' }, 'cx.agent-calls')).status,
    ).toBe(401);
    const asJson = await call(tokenUrl(), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: basic(full.clientId, full.clientSecret),
      },
      body: JSON.stringify({ grant_type: 'client_credentials', scope: 'cx.agent-calls' }),
    });
    expect(asJson.status).toBe(400);
  });
});
