import type { IHttpRequestOptions } from 'n8n-workflow';
import { n8nTransport } from '../lib/transport';
import { failureOf } from './execute-fake';

describe('core transport over n8n’s httpRequest helper', () => {
  it('sends the encoded body as text and returns status, lower-case headers and text body for any status', async () => {
    const sent: IHttpRequestOptions[] = [];
    const transport = n8nTransport(async (options) => {
      sent.push(options);
      return {
        statusCode: 503,
        headers: { 'Retry-After': '2', 'Set-Cookie': ['a', 'b'] },
        body: '{"error":"busy"}',
      };
    });
    const response = await transport({
      method: 'POST',
      url: 'https://auth.example.test/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
      timeoutMs: 5000,
    });
    expect(response).toEqual({
      status: 503,
      headers: { 'retry-after': '2', 'set-cookie': 'a, b' },
      body: '{"error":"busy"}',
    });
    expect(sent[0]).toMatchObject({
      body: 'grant_type=client_credentials',
      json: false,
      returnFullResponse: true,
      ignoreHttpStatusErrors: true,
      timeout: 5000,
    });
  });

  it('turns the explicit self-signed opt-in into n8n’s skip-validation flag, and refuses CA bundles clearly', async () => {
    const sent: IHttpRequestOptions[] = [];
    const transport = n8nTransport(async (options) => {
      sent.push(options);
      return { statusCode: 200, headers: {}, body: '' };
    });
    await transport({
      method: 'GET',
      url: 'https://clc.local/x',
      headers: {},
      tls: { allowSelfSigned: true },
    });
    expect(sent[0]?.skipSslCertificateValidation).toBe(true);
    const failure = await failureOf<Error & { hint?: string }>(
      transport({ method: 'GET', url: 'https://clc.local/x', headers: {}, tls: { ca: 'PEM' } }),
    );
    expect(failure.hint).toMatch(/NODE_EXTRA_CA_CERTS/);
  });

  it('reports a refused connection as a network error with a redacted URL', async () => {
    const transport = n8nTransport(async () => {
      throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    });
    const failure = await failureOf<Error & { code?: string }>(
      transport({
        method: 'POST',
        url: 'https://clc.local/cloudlink/oauth/token?client_secret=SENTINEL-dell',
        headers: {},
      }),
    );
    expect(failure.code).toBe('network_refused');
    expect(failure.message).not.toContain('SENTINEL-dell');
  });
});

it('token requests follow no redirect and send no credential across origins', async () => {
  const seen: IHttpRequestOptions[] = [];
  const transport = n8nTransport(async (options) => {
    seen.push(options);
    return { statusCode: 200, headers: {}, body: '{}' };
  });
  await transport({ method: 'POST', url: 'https://auth.example.test/token', headers: {} });
  expect(seen[0]).toMatchObject({
    disableFollowRedirect: true,
    sendCredentialsOnCrossOriginRedirect: false,
  });
});
