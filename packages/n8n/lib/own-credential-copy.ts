// Items running side by side share one decrypted credential, but n8n takes the token to replace
// after a 401 from the object the request was handed, and writes the renewed token into it. With
// one shared object, an item whose 401 arrives after another item's renewal would find the new
// token there and renew again (a burst of grants, and a refresh token rotated for nothing).
// So each request gets its own copy, holding the token it was sent with (the process's single
// flight then hands it the renewal already made), and a renewal is copied back for later items.
import type { ICredentialDataDecryptedObject, ICredentialsDecrypted } from 'n8n-workflow';
import { TOKEN_FIELD } from './providers';

export async function withOwnCopy<T>(
  shared: ICredentialsDecrypted,
  use: (copy: ICredentialsDecrypted) => Promise<T>,
): Promise<T> {
  const tokenBefore = shared.data?.[TOKEN_FIELD];
  const copy: ICredentialsDecrypted = { ...shared, data: { ...(shared.data ?? {}) } };
  try {
    return await use(copy);
  } finally {
    adoptRenewal(shared.data, tokenBefore, copy.data ?? {});
  }
}

function adoptRenewal(
  shared: ICredentialDataDecryptedObject | undefined,
  tokenBefore: unknown,
  after: ICredentialDataDecryptedObject,
): void {
  const renewed = after[TOKEN_FIELD];
  if (shared === undefined || typeof renewed !== 'string' || renewed === '') return;
  if (renewed === tokenBefore) return;
  // Another item renewed first: its token (as new as this one, or newer) stays.
  if (shared[TOKEN_FIELD] !== tokenBefore) return;
  // Nothing else writes the shared object, so it still holds what this copy started from.
  for (const [name, value] of Object.entries(after)) {
    if (value !== shared[name]) shared[name] = value;
  }
}
