import { json, noContent } from '../http/reply';
import type { Reply } from '../http/types';
import { providerModules } from '../providers';
import type { FaultSpec } from '../state/faults';
import type { CallRecordInjection } from './call-records';
import type { EmulatorControl } from './control';

type Body = Record<string, unknown>;
type Route = (control: EmulatorControl, body: Body) => Reply | Promise<Reply>;

/** `/_control/...`: the HTTP face of EmulatorControl, for tests in other processes and demos. */
const ROUTES: Record<string, Route> = {
  'GET /_control/counters': (control) => json(200, control.counters()),
  'POST /_control/reset': (control) => (control.reset(), noContent()),
  'GET /_control/requests': (control) => json(200, control.recentRequests()),
  'POST /_control/counters/reset': (control) => (control.resetCounters(), noContent()),
  'PUT /_control/lifetime': (control, body) => {
    control.setTokenLifetime(String(body.provider), Number(body.seconds));
    return noContent();
  },
  'POST /_control/revoke': (control, body) =>
    typeof body.token === 'string'
      ? json(200, { revoked: control.revokeToken(body.token) ? 1 : 0 })
      : json(200, { revoked: control.revokeTokens(String(body.provider)) }),
  'GET /_control/faults': (control) => json(200, control.pendingFaults()),
  'POST /_control/faults': (control, body) => {
    const faults = Array.isArray(body.faults)
      ? (body.faults as FaultSpec[])
      : [body as unknown as FaultSpec];
    faults.forEach((fault) => control.injectFault(fault));
    return json(201, control.pendingFaults());
  },
  'DELETE /_control/faults': (control) => (control.clearFaults(), noContent()),
  'POST /_control/clock/advance': (control, body) => (
    control.advanceClock(Number(body.seconds)),
    noContent()
  ),
  'GET /_control/subscriptions': (control) =>
    json(200, { mitel: control.listSubscriptions(), sangoma: control.listSangomaWebhooks() }),
  'POST /_control/notifications': async (control, body) =>
    json(200, await control.deliverNotification(body)),
  'POST /_control/sangoma/events': async (control, body) =>
    json(200, await control.deliverSangomaEvent(body)),
  'GET /_control/seed': () => json(200, seedOfEveryProvider()),
  'POST /_control/mitel/call-records': (control, body) =>
    json(201, { records: control.injectCallRecords(body as unknown as CallRecordInjection) }),
};

export async function handleControl(
  control: EmulatorControl,
  method: string,
  url: URL,
  raw: Buffer,
): Promise<Reply> {
  const route = ROUTES[`${method} ${url.pathname.replace(/\/+$/, '')}`];
  if (!route) {
    return json(404, {
      error: 'not_found',
      error_description: `No control route ${method} ${url.pathname}.`,
      routes: Object.keys(ROUTES),
    });
  }
  let body: Body = {};
  if (raw.length > 0) {
    try {
      const parsed: unknown = JSON.parse(raw.toString('utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('not an object');
      body = parsed as Body;
    } catch {
      return json(400, {
        error: 'invalid_request',
        error_description: 'The control API takes a JSON object body.',
      });
    }
  }
  try {
    return await route(control, body);
  } catch (error) {
    return json(400, {
      error: 'invalid_request',
      error_description: error instanceof Error ? error.message : String(error),
    });
  }
}

/** Every provider's seeded data under its name: the shape of EMULATOR_SEED, from the list. */
export function seedOfEveryProvider(): Record<string, unknown> {
  return Object.fromEntries(providerModules.map((provider) => [provider.name, provider.seed]));
}
