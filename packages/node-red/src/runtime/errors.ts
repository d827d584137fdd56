// Converts any failure into what Node-RED reports: an Error for done(err) whose own `code`
// and `cause` Node-RED copies onto the Catch node's msg.error, and whose message carries the hint.
import { isSwitchboardError } from '@switchboard/core';
import type { ErrorCode } from '@switchboard/core';

/** Safe details of a failure: what msg.error.cause holds for Catch nodes. */
export interface ErrorDetails {
  code: ErrorCode | 'internal_error';
  message: string;
  hint: string;
  status?: number;
  provider?: string;
  providerCode?: string;
  correlationId?: string;
}

export type ReportableError = Error & {
  code: ErrorDetails['code'];
  status?: number;
  hint: string;
  cause: ErrorDetails;
};

/** Only the safe fields of a SwitchboardError; other errors keep just their message. */
export function errorDetails(error: unknown): ErrorDetails {
  if (isSwitchboardError(error)) {
    const json = error.toJSON();
    const details: ErrorDetails = { code: error.code, message: error.message, hint: error.hint };
    for (const key of ['status', 'provider', 'providerCode', 'correlationId'] as const) {
      if (json[key] !== undefined) Object.assign(details, { [key]: json[key] });
    }
    return details;
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal_error',
    message,
    hint: 'This is unexpected: please report it with the flow that caused it.',
  };
}

/** The Error handed to done(err): message and hint in one line, code and details attached. */
export function reportableError(error: unknown): ReportableError {
  const details = errorDetails(error);
  const reportable = new Error(`${details.message} ${details.hint}`.trim()) as ReportableError;
  reportable.name = 'SwitchboardError';
  Object.assign(reportable, {
    code: details.code,
    hint: details.hint,
    status: details.status,
    cause: details,
  });
  return reportable;
}
