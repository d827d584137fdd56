import { EMULATOR_SEED, startEmulator, type Emulator } from '../src';

export { EMULATOR_SEED };

/** One emulator per test file, reset before each test. */
export function useEmulator(): () => Emulator {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  beforeEach(() => emulator?.control.reset());
  afterAll(async () => {
    await emulator?.close();
  });
  return () => {
    if (!emulator) throw new Error('emulator not started');
    return emulator;
  };
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** fetch + read the body as JSON when it is JSON. */
export async function call<T = Record<string, unknown>>(
  url: string,
  init: RequestInit = {},
): Promise<Answer<T>> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown = undefined;
  if ((response.headers.get('content-type') ?? '').includes('json') && text.length > 0)
    body = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: body as T, text };
}

export function postForm(
  url: string,
  params: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return call(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params).toString(),
  });
}

export function sendJson<T = Record<string, unknown>>(
  url: string,
  method: string,
  body: unknown,
  token?: string,
) {
  return call<T>(url, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
}

export function getWithToken<T = Record<string, unknown>>(url: string, token: string) {
  return call<T>(url, { headers: { authorization: `Bearer ${token}` } });
}

export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

export type MitelEnvName = 'prod' | 'sandbox';

export function mitelUrl(base: string, env: MitelEnvName, service: string, path: string): string {
  return `${base}/mitel/${env}/${service}/2017-09-01${path}`;
}

/** Client-credentials token for a seeded Mitel client. */
export async function mitelClientToken(
  base: string,
  env: MitelEnvName,
  client: { clientId: string; clientSecret: string },
  extra: Record<string, string> = {},
): Promise<string> {
  const answer = await postForm(mitelUrl(base, env, 'authentication', '/token'), {
    grant_type: 'client_credentials',
    client_id: client.clientId,
    client_secret: client.clientSecret,
    ...extra,
  });
  if (answer.status !== 201)
    throw new Error(`token request failed: ${answer.status} ${answer.text}`);
  return answer.body.access_token as string;
}
