import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { EmulatorControl } from './control/control';
import { handleControl } from './control/routes';
import { readBody } from './http/body';
import { faultReply } from './http/faults';
import type { EmRequest, Reply } from './http/types';
import { writeReply } from './http/write';
import { providerModules } from './providers';
import type { ProviderModule } from './providers/types';
import { PROVIDERS, type ProviderName } from './state/providers';
import { EmulatorState } from './state/state';

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Base URL used in links (`_links.next`) when the emulator sits behind a proxy. */
  publicUrl?: string;
  /** Call records of the ACME production account (default 5,000; benchmarks ask for 200,000). */
  callRecords?: number;
}

export interface Emulator {
  url: string;
  port: number;
  close(): Promise<void>;
  control: EmulatorControl;
}

/** Starts every emulated provider on one loopback port. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const state = new EmulatorState();
  const seed = options.callRecords === undefined ? {} : { callRecords: options.callRecords };
  const providers = new Map<ProviderName, ProviderModule>(
    providerModules.map((definition) => [definition.name, definition.create(state, seed)]),
  );
  const control = new EmulatorControl(state, providers);
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  let baseUrl = '';

  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const [, prefix = ''] = url.pathname.split('/');
    const body = await readBody(req);
    if (prefix === '_control') {
      writeReply(res, await handleControl(control, req.method ?? 'GET', url, body));
      return;
    }
    // Only the short names are URL prefixes; profile-id aliases are for the control API.
    const provider = providers.get(prefix as ProviderName);
    if (!provider) {
      writeReply(res, {
        status: 404,
        json: {
          error: 'not_found',
          error_description: `Unknown path. Providers: ${PROVIDERS.map((name) => `/${name}`).join(', ')}; control: /_control.`,
        },
      });
      return;
    }
    const request: EmRequest = {
      method: req.method ?? 'GET',
      path: url.pathname.slice(prefix.length + 1) || '/',
      fullPath: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      params: {},
      baseUrl,
    };
    const kind = provider.classify(request);
    if (kind === 'token') state.counters.tokenRequest(provider.name);
    else state.counters.apiRequest(provider.name, request.path);
    const extraHeaders = provider.responseHeaders?.();
    const log = (status: number) =>
      state.requests.add(
        { provider: provider.name, kind, method: request.method, path: request.path, status },
        req.headers,
      );
    const fault = state.faults.take(provider.name, kind);
    if (fault) {
      state.counters.fault(fault.kind);
      if (fault.latencyMs) await delay(fault.latencyMs);
      const faulted = faultReply(fault, (status, message) =>
        provider.errorBody?.(status, message, kind),
      );
      if (faulted === 'reset') {
        log(0);
        req.socket.destroy();
        return;
      }
      if (faulted) {
        log(faulted.status);
        writeReply(res, faulted, extraHeaders);
        return;
      }
    }
    const reply: Reply = await provider.handle(request);
    if (reply.status === 401) state.counters.unauthorized(provider.name);
    log(reply.status);
    writeReply(res, reply, extraHeaders);
  };

  const server = createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
    serve(req, res).catch((error: unknown) => {
      writeReply(res, {
        status: 500,
        json: {
          error: 'emulator_error',
          error_description: error instanceof Error ? error.message : String(error),
        },
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost === '0.0.0.0' ? '127.0.0.1' : urlHost}:${port}`;
  baseUrl = (options.publicUrl ?? url).replace(/\/+$/, '');

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve, reject) => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.close((error) => (error ? reject(error) : resolve()));
      for (const socket of sockets) socket.destroy();
    });
    return closing;
  };

  return { url, port, close, control };
}
