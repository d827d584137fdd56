import { json } from '../../http/reply';
import type { Reply } from '../../http/types';

/** Mitel CloudLink error body: `{name, message}`. */
export function mitelError(status: number, name: string, message: string): Reply {
  return json(status, { name, message });
}

/** 422 from the token endpoint: `{message, error: "401" | "451" | "452"}`. */
export function mitelUnprocessable(code: '401' | '451' | '452', message: string): Reply {
  return json(422, { message, error: code });
}

export const invalidToken = (): Reply =>
  mitelError(
    401,
    'InvalidToken',
    'The access token is missing, invalid, expired or revoked, or was issued by another environment.',
  );

export const notFound = (what: string): Reply =>
  mitelError(404, 'NotFound', `${what} was not found.`);

export const validation = (message: string): Reply => mitelError(400, 'ValidationError', message);
