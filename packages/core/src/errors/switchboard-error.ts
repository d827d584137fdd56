import type { ErrorCode } from './codes';
import type { HttpResponse } from '../transport/types';

export type ErrorKind = 'token' | 'api' | 'network' | 'configuration';

export interface SwitchboardErrorInit {
  code: ErrorCode;
  message: string;
  hint: string;
  kind: ErrorKind;
  status?: number;
  provider?: string;
  /** The provider's own error name (`invalid_client`, `ClientSecretMismatch`, ...). */
  providerCode?: string;
  /** Mitel `x-mitel-correlation-id`, for support tickets. */
  correlationId?: string;
  /** Retry-After in ms when the server sent one (429/503). */
  retryAfterMs?: number;
  /** Already redacted response; kept non-enumerable so logging the error never dumps it. */
  response?: HttpResponse;
  cause?: unknown;
}

/**
 * Every failure Switchboard reports. The message and hint never contain a secret; the raw
 * response is reachable as `error.response` but is not enumerable (JSON.stringify, util.inspect
 * and Node-RED's debug sidebar do not show it).
 */
export class SwitchboardError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly kind: ErrorKind;
  readonly status?: number;
  readonly provider?: string;
  readonly providerCode?: string;
  readonly correlationId?: string;
  readonly retryAfterMs?: number;
  declare readonly response?: HttpResponse;

  constructor(init: SwitchboardErrorInit) {
    super(init.message);
    this.name = 'SwitchboardError';
    this.code = init.code;
    this.hint = init.hint;
    this.kind = init.kind;
    if (init.status !== undefined) this.status = init.status;
    if (init.provider !== undefined) this.provider = init.provider;
    if (init.providerCode !== undefined) this.providerCode = init.providerCode;
    if (init.correlationId !== undefined) this.correlationId = init.correlationId;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    Object.defineProperty(this, 'response', { value: init.response, enumerable: false });
    if (init.cause !== undefined) {
      Object.defineProperty(this, 'cause', { value: init.cause, enumerable: false });
    }
  }

  /** What Node-RED puts on msg.error and n8n in its error output: safe to show and to log. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      code: this.code,
      hint: this.hint,
      kind: this.kind,
      status: this.status,
      provider: this.provider,
      providerCode: this.providerCode,
      correlationId: this.correlationId,
    };
  }
}

export function isSwitchboardError(value: unknown): value is SwitchboardError {
  return value instanceof SwitchboardError;
}
