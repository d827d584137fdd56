// Every diagnose path against real counterparts: the emulator, an HTTPS proxy with a private
// certificate, a closed port, a server that never answers.
import { EMULATOR_SEED, startEmulator, type Emulator } from '@switchboard/emulator';
import { diagnose, type Diagnosis } from '../../src/diagnose/diagnose';
import { getProfile } from '../../src/profiles/registry';
import type { CredentialValues } from '../../src/profiles/types';
import { createAxiosTransport } from '../../src/transport/axios-transport';
import { networkError } from '../../src/transport/network-error';
import type { Transport } from '../../src/transport/types';
import { makeCertificates, type TestCertificates } from './support/certificates';
import {
  brightPatternAt,
  dellAt,
  genericAt,
  mitelAt,
  sangomaAt,
  seedSecrets,
} from './support/emulator-credentials';
import { refusedUrl, startSilentServer, startTlsProxy, type Running } from './support/servers';

let emulator: Emulator;
let certificates: TestCertificates;
let otherCa: TestCertificates;
let tlsProxy: Running;
const mitel = getProfile('mitel-cloudlink');

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  certificates = makeCertificates();
  otherCa = makeCertificates();
  tlsProxy = await startTlsProxy(emulator.url, certificates);
});
afterAll(async () => {
  await tlsProxy.close();
  await emulator.close();
});

/** Whatever the outcome, no secret of the seed or of the test may appear anywhere. */
function expectClean(diagnosis: Diagnosis, extraSecrets: string[] = []): void {
  const text = JSON.stringify(diagnosis);
  for (const secret of [...seedSecrets(), ...extraSecrets])
    expect(text).not.toContain(secret.trim());
}

function failedStep(diagnosis: Diagnosis): string | undefined {
  return diagnosis.steps.find((step) => !step.ok)?.name;
}

describe('Mitel CloudLink', () => {
  it('reports a working connection with who-am-I', async () => {
    const diagnosis = await diagnose(mitel, mitelAt(emulator.url));
    expect(diagnosis.ok).toBe(true);
    expect(diagnosis.steps.map((step) => [step.name, step.ok])).toEqual([
      ['configuration', true],
      ['token', true],
      ['whoAmI', true],
      ['region', true],
    ]);
    expect(diagnosis.steps[3]?.detail).toContain('puts the account in region us');
    const client = EMULATOR_SEED.mitel.prod.clients.acmeAdmin;
    expect(diagnosis.summary).toContain(`account ${client.accountId}`);
    expect(diagnosis.error).toBeUndefined();
    expectClean(diagnosis);
  });

  it('names every missing field before sending anything', async () => {
    const diagnosis = await diagnose(mitel, {
      environment: 'custom',
      customBaseUrl: `${emulator.url}/mitel/prod/{service}/2017-09-01`,
    });
    expect(diagnosis.ok).toBe(false);
    expect(failedStep(diagnosis)).toBe('configuration');
    expect(diagnosis.error?.code).toBe('invalid_configuration');
    expect(diagnosis.error?.message).toContain('Client ID (clientId) is required');
  });

  it('explains sandbox vs production when production credentials meet the sandbox', async () => {
    const credentials = {
      ...mitelAt(emulator.url, 'prod'),
      customBaseUrl: `${emulator.url}/mitel/sandbox/{service}/2017-09-01`,
    };
    const diagnosis = await diagnose(mitel, credentials);
    expect(diagnosis.ok).toBe(false);
    expect(failedStep(diagnosis)).toBe('token');
    expect(diagnosis.error?.hint).toContain('Your base URL points at sandbox');
    expect(diagnosis.error?.hint).toContain('switch Environment to Production');
    expect(diagnosis.error?.correlationId).toEqual(expect.any(String));
    expectClean(diagnosis);
  });

  it('explains a 409 by the account id', async () => {
    const shared = EMULATOR_SEED.mitel.prod.users.shared;
    const credentials: CredentialValues = {
      ...mitelAt(emulator.url),
      grantType: 'password',
      username: shared.username,
      password: shared.password,
      accountId: '',
    };
    const diagnosis = await diagnose(mitel, credentials);
    expect(diagnosis.error?.status).toBe(409);
    expect(diagnosis.error?.code).toBe('account_ambiguous');
    expect(diagnosis.error?.hint).toContain('fill in Account ID');
    expectClean(diagnosis);
    const fixed = await diagnose(mitel, { ...credentials, accountId: shared.accountId });
    expect(fixed.ok).toBe(true);
  });

  it('names the account’s region from the domain claim and warns when Region differs', async () => {
    const axios = createAxiosTransport();
    // Mitel's real host names (https://<service>.<region>.api.mitel.io/...), answered by the emulator.
    const mitelHosts: Transport = (request) => {
      const url = new URL(request.url);
      const service = /^([a-z]+)\.[a-z0-9.-]+\.mitel\.io$/.exec(url.hostname)?.[1];
      if (service === undefined) return axios(request);
      const path = `${emulator.url}/mitel/prod/${service}${url.pathname}${url.search}`;
      return axios({ ...request, url: path });
    };
    const client = EMULATOR_SEED.mitel.prod.clients.globexAdmin; // Globex lives in eu
    const base: CredentialValues = {
      environment: 'region',
      region: 'us',
      grantType: 'client_credentials',
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      accountId: client.accountId,
    };
    const region = (diagnosis: Diagnosis) => diagnosis.steps.find((step) => step.name === 'region');
    const wrong = await diagnose(mitel, base, { transport: mitelHosts });
    expect(wrong.ok).toBe(true);
    expect(region(wrong)).toEqual({
      name: 'region',
      ok: false,
      detail: `The token’s domain claim (${client.accountId}.eu.api.mitel.io) puts the account in region eu, but this connection is set to region us: set Region to eu.`,
    });
    expect(wrong.summary).toContain('Warning: ');
    expectClean(wrong);
    const right = await diagnose(mitel, { ...base, region: 'eu' }, { transport: mitelHosts });
    expect(region(right)).toMatchObject({
      ok: true,
      detail: expect.stringContaining('as configured'),
    });
    expect(right.summary).not.toContain('Warning');
    const global = await diagnose(
      mitel,
      { ...base, environment: 'production' },
      { transport: mitelHosts },
    );
    expect(region(global)).toMatchObject({
      ok: true,
      detail: expect.stringContaining('global host'),
    });
  });

  // Mitel documents a form body, but its own sample posts JSON and is answered: a gateway that
  // re-encodes the body is no failure there (Bright Pattern and Sangoma below do reject it).
  it('signs in even when a gateway re-encodes the form as JSON, as Mitel’s own sample sends it', async () => {
    const diagnosis = await diagnose(mitel, mitelAt(emulator.url), { transport: jsonGateway() });
    expect(diagnosis.ok).toBe(true);
    expectClean(diagnosis);
  });

  it('points at whitespace around a pasted secret, without showing the secret', async () => {
    const credentials = mitelAt(emulator.url);
    const pasted = `${String(credentials.clientSecret)} \n`;
    const diagnosis = await diagnose(mitel, { ...credentials, clientSecret: pasted });
    expect(diagnosis.ok).toBe(false);
    expect(diagnosis.error?.code).toBe('invalid_client');
    expect(diagnosis.error?.hint).toMatch(/^Client Secret starts or ends with whitespace/);
    expectClean(diagnosis, [pasted]);
  });
});

/** A gateway that re-encodes every form body as JSON (a classic integration mistake). */
function jsonGateway(): Transport {
  const axios = createAxiosTransport();
  return (request) => {
    if (request.headers['content-type'] !== 'application/x-www-form-urlencoded')
      return axios(request);
    const body = JSON.stringify(Object.fromEntries(new URLSearchParams(request.body ?? '')));
    return axios({
      ...request,
      body,
      headers: { ...request.headers, 'content-type': 'application/json' },
    });
  };
}

describe('Bright Pattern and Sangoma CX', () => {
  it.each([
    ['bright-pattern', () => brightPatternAt(emulator.url)],
    ['sangoma-cx', () => sangomaAt(emulator.url)],
  ] as const)(
    '%s: explains a JSON body where a form is required (a gateway re-encoding the body)',
    async (id, credentials) => {
      const diagnosis = await diagnose(getProfile(id), credentials(), { transport: jsonGateway() });
      expect(diagnosis.ok).toBe(false);
      expect(diagnosis.error?.code).toBe('invalid_request');
      expect(diagnosis.error?.hint).toContain('application/x-www-form-urlencoded');
      expectClean(diagnosis);
    },
  );

  it('explains an unknown tenant', async () => {
    const diagnosis = await diagnose(getProfile('bright-pattern'), {
      ...brightPatternAt(emulator.url),
      tenant: 'nobody.brightpattern.com',
    });
    expect(diagnosis.ok).toBe(false);
    expect(diagnosis.error?.hint).toContain('The tenant "nobody.brightpattern.com" is not known');
    expectClean(diagnosis);
    expect((await diagnose(getProfile('bright-pattern'), brightPatternAt(emulator.url))).ok).toBe(
      true,
    );
  });

  it('explains a scope the Sangoma client does not have', async () => {
    const diagnosis = await diagnose(getProfile('sangoma-cx'), {
      ...sangomaAt(emulator.url, 'agentOnly'),
      scopes: [...EMULATOR_SEED.sangoma.scopes],
    });
    expect(diagnosis.ok).toBe(false);
    expect(diagnosis.error?.code).toBe('invalid_scope');
    expect(diagnosis.error?.hint).toContain('CPaaS Credentials');
    expectClean(diagnosis);
  });

  it('lists the operations a narrower scope leaves out', async () => {
    const diagnosis = await diagnose(getProfile('sangoma-cx'), {
      ...sangomaAt(emulator.url, 'agentOnly'),
      scopes: ['cx.agent-calls'],
    });
    expect(diagnosis.ok).toBe(true);
    const scopes = diagnosis.steps.find((step) => step.name === 'scopes');
    expect(scopes?.detail).toContain('Queue Call (cx.queue-calls)');
    expectClean(diagnosis);
  });
});

describe('certificates on on-premises hosts', () => {
  const dell = getProfile('dell-cloudlink');
  const viaTls = (extra: CredentialValues = {}): CredentialValues => ({
    ...dellAt(tlsProxy.url),
    ...extra,
  });

  it('explains an untrusted certificate and what to do', async () => {
    const diagnosis = await diagnose(dell, viaTls());
    expect(diagnosis.ok).toBe(false);
    expect(diagnosis.error?.code).toBe('tls_untrusted');
    expect(diagnosis.error?.hint).toContain('CA Certificates');
    expect(diagnosis.error?.hint).toContain('Allow Self-Signed Certificates');
    expectClean(diagnosis);
  });

  it('works with the CA bundle, or with the explicit self-signed switch', async () => {
    expect((await diagnose(dell, viaTls({ caBundle: certificates.caPem }))).ok).toBe(true);
    expect((await diagnose(dell, viaTls({ allowSelfSigned: true }))).ok).toBe(true);
  });

  it('says when the given CA bundle does not match', async () => {
    const diagnosis = await diagnose(dell, viaTls({ caBundle: otherCa.caPem }));
    expect(diagnosis.error?.code).toBe('tls_untrusted');
    expect(diagnosis.error?.hint).toContain('still not trusted with the CA certificates you gave');
  });
});

describe('network failures', () => {
  const generic = getProfile('generic-oauth2');

  it('connection refused', async () => {
    const url = await refusedUrl();
    const diagnosis = await diagnose(generic, {
      ...genericAt(emulator.url),
      tokenUrl: `${url}/oauth/token`,
    });
    expect(diagnosis.error?.code).toBe('network_refused');
    expect(diagnosis.error?.hint).toContain('Check the port');
    expectClean(diagnosis);
  });

  it('timeout', async () => {
    const silent = await startSilentServer();
    try {
      const diagnosis = await diagnose(
        generic,
        { ...genericAt(emulator.url), tokenUrl: `${silent.url}/oauth/token` },
        { timeoutMs: 300 },
      );
      expect(diagnosis.error?.code).toBe('network_timeout');
      expect(diagnosis.error?.hint).toContain('firewall or proxy');
    } finally {
      await silent.close();
    }
  });

  it('DNS failure (the resolver is simulated: no DNS traffic leaves this machine)', async () => {
    const noDns: Transport = (request) =>
      Promise.reject(networkError(request.method, request.url, 'ENOTFOUND', false));
    const credentials = { ...mitelAt(emulator.url), environment: 'region', region: 'nowhere' };
    const diagnosis = await diagnose(mitel, credentials, { transport: noDns });
    expect(diagnosis.error?.code).toBe('network_dns');
    expect(diagnosis.error?.hint).toContain('Check Region');
    expectClean(diagnosis);
  });
});
