import { SwitchboardError } from './switchboard-error';

/** A local configuration mistake, reported before anything is sent. */
export function configurationError(message: string, hint: string): SwitchboardError {
  return new SwitchboardError({
    kind: 'configuration',
    code: 'invalid_configuration',
    message,
    hint,
  });
}
