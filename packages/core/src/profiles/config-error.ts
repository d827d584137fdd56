import { SwitchboardError } from '../errors/switchboard-error';

/** A local configuration problem: what is wrong (`message`) and what to do (`hint`). */
export function configError(message: string, hint: string, provider?: string): SwitchboardError {
  return new SwitchboardError({
    code: 'invalid_configuration',
    kind: 'configuration',
    message,
    hint,
    ...(provider === undefined ? {} : { provider }),
  });
}
