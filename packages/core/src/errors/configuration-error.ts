import { SwitchboardError } from './switchboard-error';

/** A local configuration mistake, reported before anything is sent: what is wrong, what to do. */
export function configurationError(
  message: string,
  hint: string,
  provider?: string,
): SwitchboardError {
  return new SwitchboardError({
    kind: 'configuration',
    code: 'invalid_configuration',
    message,
    hint,
    ...(provider === undefined ? {} : { provider }),
  });
}
