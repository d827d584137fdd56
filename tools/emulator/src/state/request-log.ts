import type { IncomingHttpHeaders } from 'node:http';
import type { ProviderName } from './providers';

export interface LoggedRequest {
  provider: ProviderName;
  kind: 'token' | 'api';
  method: string;
  /** Path without the query string (Dell puts credentials there). */
  path: string;
  status: number;
  /** Request headers without credentials (`authorization`, `cookie` are dropped). */
  headers: Record<string, string>;
}

const CAPACITY = 200;
const DROPPED = new Set(['authorization', 'cookie', 'proxy-authorization']);

/** The last requests served, so tests can check what a client sent (e.g. `X-Mitel-App`). */
export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(entry: Omit<LoggedRequest, 'headers'>, headers: IncomingHttpHeaders): void {
    const kept: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined || DROPPED.has(name)) continue;
      kept[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    this.entries.push({ ...entry, headers: kept });
    if (this.entries.length > CAPACITY * 2) this.entries = this.entries.slice(-CAPACITY);
  }

  recent(provider?: ProviderName): LoggedRequest[] {
    const all = this.entries.slice(-CAPACITY);
    return provider ? all.filter((entry) => entry.provider === provider) : all;
  }

  clear(): void {
    this.entries = [];
  }
}
