import { createCipheriv, createDecipheriv, createHmac, randomBytes, scryptSync } from 'node:crypto';
import type { TokenSet } from '../oauth/types';
import { configurationError } from '../errors/configuration-error';

export const MIN_KEY_LENGTH = 16;
const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const derivedKeys = new Map<string, Buffer>();

/**
 * A 32-byte AES key from configuration: 64 hex characters are used as they are, anything else
 * (at least 16 characters) goes through scrypt. Missing or short keys are a clear error.
 */
export function deriveKey(encryptionKey: string | undefined, what: string): Buffer {
  if (typeof encryptionKey !== 'string' || encryptionKey.length === 0) {
    throw configurationError(
      `${what}: encryptionKey is missing.`,
      `Set an encryption key of at least ${MIN_KEY_LENGTH} characters (for example: openssl rand -hex 32).`,
    );
  }
  if (encryptionKey.length < MIN_KEY_LENGTH) {
    throw configurationError(
      `${what}: encryptionKey is too short (${encryptionKey.length} characters).`,
      `Use at least ${MIN_KEY_LENGTH} random characters (for example: openssl rand -hex 32).`,
    );
  }
  if (/^[0-9a-f]{64}$/i.test(encryptionKey)) return Buffer.from(encryptionKey, 'hex');
  let key = derivedKeys.get(encryptionKey);
  if (!key) {
    key = scryptSync(encryptionKey, 'switchboard-token-store', 32);
    derivedKeys.set(encryptionKey, key);
  }
  return key;
}

/** Encrypts a token (AES-256-GCM); the credential key is bound in as associated data. */
export function sealToken(token: TokenSet, key: Buffer, credentialKey: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(credentialKey, 'utf8'));
  const data = Buffer.concat([cipher.update(JSON.stringify(token), 'utf8'), cipher.final()]);
  return `${FORMAT}.${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
}

function isTokenSet(value: unknown): value is TokenSet {
  if (value === null || typeof value !== 'object') return false;
  const token = value as Record<string, unknown>;
  return (
    typeof token['accessToken'] === 'string' &&
    typeof token['tokenType'] === 'string' &&
    Number.isFinite(token['obtainedAt']) &&
    Number.isFinite(token['expiresAt'])
  );
}

/** Decrypts a sealed token; undefined when it was sealed with another key or is damaged. */
export function openToken(
  sealed: string,
  key: Buffer,
  credentialKey: string,
): TokenSet | undefined {
  const [format, payload] = sealed.split('.', 2);
  if (format !== FORMAT || !payload) return undefined;
  const raw = Buffer.from(payload, 'base64');
  if (raw.length <= IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(credentialKey, 'utf8'));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const text = Buffer.concat([
      decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]);
    const value: unknown = JSON.parse(text.toString('utf8'));
    return isTokenSet(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A keyed fingerprint of an access token, for compare-and-delete without decrypting. */
export function tokenFingerprint(accessToken: string, key: Buffer): string {
  return createHmac('sha256', key).update(accessToken).digest('hex').slice(0, 32);
}

/**
 * The name a store files a credential under: a keyed hash (HMAC-SHA256 with the store's key)
 * of the credential key. Credential keys hold ids, URLs and a digest of the secret; without
 * the encryption key nobody listing Redis keys or reading the token file can test guesses.
 */
export function storedKeyName(credentialKey: string, key: Buffer): string {
  return createHmac('sha256', key).update(`switchboard-key-name:${credentialKey}`).digest('hex');
}
