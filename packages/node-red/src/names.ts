// Node type names, shared by the runtime and the editor generator so they cannot drift apart.
import type { ProviderId } from '@switchboard/core';

export const PALETTE_CATEGORY = 'Switchboard';
export const TOKEN_NODE_TYPE = 'switchboard-token';
export const MITEL_NOTIFICATIONS_NODE_TYPE = 'switchboard-mitel-notifications';
export const MITEL_CALL_RECORDS_NODE_TYPE = 'switchboard-mitel-call-records';
export const MITEL_PROVIDER: ProviderId = 'mitel-cloudlink';
/** Admin endpoint prefix (relative to Node-RED's admin root). */
export const ADMIN_PREFIX = 'switchboard';
/** Permission that guards the admin endpoints; `*` and `switchboard.write` grant it. */
export const ADMIN_PERMISSION = 'switchboard.write';

/** Config node holding one provider credential, e.g. `switchboard-mitel-cloudlink-config`. */
export function configNodeType(provider: string): string {
  return `switchboard-${provider}-config`;
}

/** API node calling one provider's operations, e.g. `switchboard-mitel-cloudlink`. */
export function apiNodeType(provider: string): string {
  return `switchboard-${provider}`;
}

/** Property names Node-RED reserves on a node; a profile field may not use them. */
export const RESERVED_PROPERTIES = new Set([
  'id',
  'type',
  'name',
  'x',
  'y',
  'z',
  'g',
  'd',
  'wires',
  'info',
]);

/** Token-store settings every config node has besides the profile's own fields. */
export const STORE_PROPERTIES = ['tokenStore', 'tokenStorePath'] as const;
export const STORE_CREDENTIALS = ['redisUrl', 'encryptionKey'] as const;
