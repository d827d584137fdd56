import type { TokenSet } from '../oauth/types';
import type { TokenStore } from '../engine/types';

/** Tokens in this process only. The default. */
export class MemoryTokenStore implements TokenStore {
  private readonly tokens = new Map<string, TokenSet>();

  async get(key: string): Promise<TokenSet | undefined> {
    return this.tokens.get(key);
  }

  async set(key: string, token: TokenSet): Promise<void> {
    this.tokens.set(key, token);
  }

  async delete(key: string): Promise<void> {
    this.tokens.delete(key);
  }

  async deleteIf(key: string, accessToken: string): Promise<void> {
    if (this.tokens.get(key)?.accessToken === accessToken) this.tokens.delete(key);
  }

  async close(): Promise<void> {
    this.tokens.clear();
  }
}
