import type { HttpMethod } from '../transport/types';
import type { FieldValue } from '../profiles/types';

/** A provider request before authentication: what both platforms send. */
export interface ApiRequest {
  method: HttpMethod;
  /** Absolute URL without query string. */
  url: string;
  query?: Record<string, string | number | boolean>;
  headers?: Record<string, string>;
  /** JSON value (sent as application/json) unless `rawBody` is set. */
  body?: unknown;
  idempotent?: boolean;
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  data: T;
}

/** Operation parameter values keyed by ParameterDef.name. */
export type OperationParams = Record<
  string,
  FieldValue | Record<string, unknown> | unknown[] | undefined
>;

/** One page of a paged operation. */
export interface Page<T = unknown> {
  items: T[];
  /** The request for the next page, absent on the last page. */
  next?: ApiRequest;
  response: ApiResponse;
}
