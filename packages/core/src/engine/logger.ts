import type { Logger } from './types';

/** Logs nothing: the default everywhere. */
export const noopLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Writes to the console with a `[switchboard]` prefix. Callers pass only safe text. */
export const consoleLogger: Logger = {
  debug: (message) => console.debug(`[switchboard] ${message}`),
  info: (message) => console.info(`[switchboard] ${message}`),
  warn: (message) => console.warn(`[switchboard] ${message}`),
  error: (message) => console.error(`[switchboard] ${message}`),
};
