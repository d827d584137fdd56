import { randomUUID } from 'node:crypto';
import { Router } from '../../http/router';
import type { EmRequest, Reply } from '../../http/types';
import type { MitelEnv, SeedOptions } from '../../seed/seed';
import { EMULATOR_SEED } from '../../seed/seed';
import type { EmulatorState } from '../../state/state';
import { TokenRegistry } from '../../state/token-registry';
import type { ProviderModule } from '../types';
import { mountAdmin } from './admin';
import { mountAuthentication } from './auth';
import { mountChat } from './chat';
import type { MitelContext, MitelTokenData } from './context';
import { MitelDirectory } from './directory';
import { mitelError } from './errors';
import { removeInjectedRecords } from './injected-records';
import { mountMedia } from './media';
import { mountNotifications, MitelSubscriptions } from './notifications';

const ENVS: readonly MitelEnv[] = ['prod', 'sandbox'];
const FAULT_NAMES: Record<number, string> = {
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};
type Service = 'authentication' | 'admin' | 'media' | 'chat' | 'notifications';
const PATH =
  /^\/(prod|sandbox)\/(authentication|admin|media|chat|notifications)\/2017-09-01(\/.*)$/;

export interface MitelProvider extends ProviderModule {
  subscriptions: MitelSubscriptions;
  directory(env: MitelEnv): MitelDirectory;
}

/** Mitel CloudLink under `/mitel/{prod|sandbox}/{service}/2017-09-01/...`. */
export function createMitel(state: EmulatorState, seedOptions: SeedOptions = {}): MitelProvider {
  const access = new TokenRegistry<MitelTokenData>(state.clock);
  const refresh = new TokenRegistry<MitelTokenData>(state.clock);
  const codes = new TokenRegistry<MitelTokenData & { applicationId: string }>(state.clock);
  const subscriptions = new MitelSubscriptions(state);
  const directories = new Map<MitelEnv, MitelDirectory>();
  const routers = new Map<string, Router>();
  for (const env of ENVS) {
    const dir = new MitelDirectory(env, seedOptions);
    directories.set(env, dir);
    const ctx: MitelContext = {
      env,
      state,
      dir,
      access,
      refresh,
      codes,
      basePath: (service) => `/mitel/${env}/${service}/${EMULATOR_SEED.mitel.apiVersion}`,
    };
    const mounts: Record<Service, (router: Router) => void> = {
      authentication: (router) => mountAuthentication(router, ctx),
      admin: (router) => mountAdmin(router, ctx),
      media: (router) => mountMedia(router, ctx),
      chat: (router) => mountChat(router, ctx),
      notifications: (router) => mountNotifications(router, ctx, subscriptions),
    };
    for (const [service, mount] of Object.entries(mounts)) {
      const router = new Router();
      mount(router);
      routers.set(`${env}/${service}`, router);
    }
  }

  return {
    name: 'mitel',
    subscriptions,
    directory: (env) => directories.get(env) as MitelDirectory,
    classify: (req) =>
      req.method === 'POST' &&
      /^\/(prod|sandbox)\/authentication\/[^/]+\/((assume-role\/)?token|authorize)$/.test(req.path)
        ? 'token'
        : 'api',
    async handle(req: EmRequest): Promise<Reply> {
      const match = PATH.exec(req.path);
      const router = match && routers.get(`${match[1]}/${match[2]}`);
      if (!match || !router) {
        return mitelError(
          404,
          'NotFound',
          'Unknown path. Use /mitel/{prod|sandbox}/{authentication|admin|media|chat|notifications}/2017-09-01/...',
        );
      }
      return router.handle({ ...req, path: match[3] as string }, (_req, methodNotAllowed) =>
        methodNotAllowed
          ? mitelError(405, 'MethodNotAllowed', `${req.method} is not allowed on this path.`)
          : mitelError(404, 'NotFound', 'Resource not found.'),
      );
    },
    responseHeaders: () => ({ 'x-mitel-correlation-id': randomUUID() }),
    errorBody: (status, message) => ({ name: FAULT_NAMES[status] ?? 'ServerError', message }),
    revokeAll: () => access.clear() + refresh.clear() + codes.clear(),
    revokeToken: (token) => access.revoke(token) || refresh.revoke(token) || codes.revoke(token),
    reset() {
      access.clear();
      refresh.clear();
      codes.clear();
      subscriptions.clear();
      for (const dir of directories.values()) {
        dir.reset();
        removeInjectedRecords(dir);
      }
    },
  };
}
