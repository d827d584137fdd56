// Refresh tokens in n8n: kept (hidden, encrypted) with the credential beside the access token,
// used for the next token instead of signing in again, and dropped for the full grant once
// when the provider rejects them — what core's TokenManager does on the other platforms.
import type { BoundCredential, TokenSet, Transport } from '@switchboard/core';
import { createTokenSource, isSwitchboardError, withRefreshExpiry } from '@switchboard/core';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { TokenRequestFailure } from './failure-shape';
import {
  REFRESH_TOKEN_EXPIRES_FIELD,
  REFRESH_TOKEN_FIELD,
  REFRESH_TOKEN_FOR_FIELD,
  TOKEN_EXPIRES_FIELD,
  TOKEN_FIELD,
  TOKEN_OBTAINED_FIELD,
} from './providers';

/** A refresh the provider refused: run the full grant instead (core's rule, token-manager). */
function refreshRejected(error: unknown): boolean {
  return (
    isSwitchboardError(error) &&
    error.kind === 'token' &&
    (error.code === 'invalid_grant' || error.status === 400 || error.status === 401)
  );
}

/** The stored refresh token, if it belongs to exactly these credential values and still lives. */
function storedRefreshToken(
  data: ICredentialDataDecryptedObject,
  key: string,
  now: number,
): TokenSet | undefined {
  const refreshToken = data[REFRESH_TOKEN_FIELD];
  if (typeof refreshToken !== 'string' || refreshToken === '') return undefined;
  // Issued for other values (the user changed the client, user or secret): never send it.
  if (data[REFRESH_TOKEN_FOR_FIELD] !== key) return undefined;
  const refreshExpiresAt = Number(data[REFRESH_TOKEN_EXPIRES_FIELD]);
  if (Number.isFinite(refreshExpiresAt) && refreshExpiresAt > 0 && refreshExpiresAt <= now) {
    return undefined;
  }
  const accessToken = data[TOKEN_FIELD];
  return {
    accessToken: typeof accessToken === 'string' ? accessToken : '',
    tokenType: 'Bearer',
    obtainedAt: Number(data[TOKEN_OBTAINED_FIELD]) || 0,
    expiresAt: Number(data[TOKEN_EXPIRES_FIELD]) || 0,
    refreshToken,
    ...(Number.isFinite(refreshExpiresAt) && refreshExpiresAt > 0 ? { refreshExpiresAt } : {}),
  };
}

/**
 * The next token for preAuthentication: a refresh with the stored refresh token when the
 * profile's grant returns them, else (or when it is rejected, once) the full grant.
 */
export async function nextToken(
  bound: BoundCredential,
  data: ICredentialDataDecryptedObject,
  transport: Transport,
  now = Date.now(),
): Promise<{ token: TokenSet; key: string }> {
  const source = createTokenSource(bound);
  const previous = source.refresh ? storedRefreshToken(data, source.key, now) : undefined;
  if (source.refresh && previous !== undefined) {
    try {
      const token = await source.refresh(previous, transport);
      return {
        token: withRefreshExpiry(token, previous, source.refreshTokenLifetimeSec),
        key: source.key,
      };
    } catch (error) {
      if (!refreshRejected(error)) throw TokenRequestFailure.from(bound.profile.displayName, error);
    }
  }
  const token = await source.obtain(transport);
  return {
    token: withRefreshExpiry(token, undefined, source.refreshTokenLifetimeSec),
    key: source.key,
  };
}

/** What preAuthentication hands n8n to persist (encrypted) with the credential. */
export function persistedToken(token: TokenSet, key: string): IDataObject {
  const refreshToken = token.refreshToken ?? '';
  return {
    [TOKEN_FIELD]: token.accessToken,
    [TOKEN_OBTAINED_FIELD]: token.obtainedAt,
    [TOKEN_EXPIRES_FIELD]: token.expiresAt,
    // Always written, also empty: a refresh token of a previous grant must not survive it.
    [REFRESH_TOKEN_FIELD]: refreshToken,
    [REFRESH_TOKEN_FOR_FIELD]: refreshToken === '' ? '' : key,
    [REFRESH_TOKEN_EXPIRES_FIELD]: refreshToken === '' ? 0 : (token.refreshExpiresAt ?? 0),
  };
}
