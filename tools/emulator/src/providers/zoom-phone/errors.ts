// Zoom's two error shapes: the OAuth endpoint's `{reason, error}` and the API's `{code, message}`.
import { json } from '../../http/reply';
import type { Reply } from '../../http/types';

export function zoomTokenError(reason: string, error: string): Reply {
  return json(400, { reason, error });
}

export function zoomError(status: number, code: number, message: string): Reply {
  return json(status, { code, message });
}
