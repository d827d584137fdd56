import { createHash } from 'node:crypto';
import { EXTERNAL_CALLERS, FIRST_NAMES, LAST_NAMES } from '../../seed/names';
import { pick, prng, stableUuid } from '../../seed/random';
import {
  EMULATOR_SEED,
  type MitelEnv,
  type MitelRole,
  type MitelSeedAccount,
  type MitelSeedClient,
  type MitelSeedUser,
  type MitelUserState,
  type SeedOptions,
  sizedMitelAccounts,
} from '../../seed/seed';

export interface MitelUser {
  userId: string;
  accountId: string;
  firstName: string;
  lastName: string;
  name: string;
  email: string;
  role: MitelRole;
  extension: string;
  createdOn: string;
  /** Mitel user items carry the SIP device password; Mitel's own scripts strip it. */
  sipPassword: string;
  /** Returned only with `$expand=tags`. */
  tags: string[];
  /** Login: only seeded users have a password; generated ones cannot sign in. */
  password?: string;
  state: MitelUserState;
}

/** A call record as Mitel's media API specification lists its fields. */
export interface CallRecord {
  callId: string;
  accountId: string;
  siteId: string;
  principal: string;
  from: string;
  fromName: string;
  fromNumberE164: string;
  /** The user on the calling side; absent for an outside caller. */
  fromPrincipalId?: string;
  to: string;
  toName: string;
  toNumberE164: string;
  /** The user on the called side; absent for an outside number. */
  toPrincipalId?: string;
  direction: 'inbound' | 'outbound';
  state: 'completed' | 'missed' | 'voicemail';
  cause: string;
  createdOn: string;
  endTime: string;
  /** The call was answered and ended normally. */
  completed: boolean;
  /** Seconds it rang. */
  ringTime: number;
  /** Billed (talk) seconds. */
  billingTime: number;
}

/** A call placed through `POST /endpoints/{endpointId}/calls`, controllable until it ends. */
export interface PlacedCall {
  callId: string;
  endpointId: string;
  accountId: string;
  from: string;
  to: string;
  state: 'dialing' | 'connected' | 'held' | 'ended';
  createdOn: string;
  [field: string]: unknown;
}

export interface Conversation {
  conversationId: string;
  accountId: string;
  createdBy: string;
  createdOn: string;
  name?: string;
  originalParticipants: Array<{ type: string; participantId: string }>;
  messages: number;
}

/** Fixed "now" of the generated history, so the data never changes between runs. */
const HISTORY_END = Date.UTC(2026, 9, 31, 18, 0, 0);
const HISTORY_SPAN_MS = 90 * 24 * 3600 * 1000;

/** Accounts, users, clients and call records of one Mitel environment. */
export class MitelDirectory {
  readonly accounts = new Map<string, MitelSeedAccount>();
  readonly users = new Map<string, MitelUser>();
  readonly usersByAccount = new Map<string, MitelUser[]>();
  readonly clients = new Map<string, MitelSeedClient>();
  readonly callRecords = new Map<string, CallRecord[]>();
  /** Created through the chat service; cleared on reset. */
  readonly conversations = new Map<string, Conversation>();
  /** Calls placed through the media service; cleared on reset. */
  readonly calls = new Map<string, PlacedCall>();
  /** Call records hidden with `PUT /calls/records {hide: true}`; cleared on reset. */
  readonly hiddenCalls = new Set<string>();
  /** Changes whenever the visible call records change, so cached filter results are dropped. */
  recordsVersion = 0;

  constructor(
    readonly env: MitelEnv,
    seedOptions: SeedOptions = {},
  ) {
    const seed = EMULATOR_SEED.mitel[env];
    for (const account of sizedMitelAccounts(env, seedOptions))
      this.accounts.set(account.accountId, account);
    for (const user of Object.values(seed.users) as MitelSeedUser[]) this.addUser(seededUser(user));
    for (const account of this.accounts.values()) {
      generateUsers(env, account).forEach((user) => this.addUser(user));
      this.callRecords.set(
        account.accountId,
        generateCallRecords(env, account, this.usersOf(account.accountId)),
      );
    }
    this.reset();
  }

  /** Back to the seeded clients; forget created conversations. */
  reset(): void {
    this.conversations.clear();
    this.calls.clear();
    this.hiddenCalls.clear();
    this.recordsVersion++;
    this.clients.clear();
    for (const client of Object.values(EMULATOR_SEED.mitel[this.env].clients)) {
      this.clients.set(client.clientId, { ...client });
    }
  }

  /**
   * The token's `domain` claim, which names the account's region
   * (`<account>.<region>[.dev].api.mitel.io`). Globex lives in `eu`, the others in `us`.
   */
  domainOf(accountId: string): string {
    const region = this.accounts.get(accountId)?.name.startsWith('Globex') ? 'eu' : 'us';
    return `${accountId}.${region}${this.env === 'sandbox' ? '.dev' : ''}.api.mitel.io`;
  }

  usersOf(accountId: string): MitelUser[] {
    return this.usersByAccount.get(accountId) ?? [];
  }

  /** Users that can sign in with this username (case-insensitive), across accounts. */
  usersNamed(username: string): MitelUser[] {
    const wanted = username.toLowerCase();
    const found: MitelUser[] = [];
    for (const user of this.users.values()) {
      if (user.password !== undefined && user.email.toLowerCase() === wanted) found.push(user);
    }
    return found;
  }

  private addUser(user: MitelUser): void {
    this.users.set(user.userId, user);
    const list = this.usersByAccount.get(user.accountId) ?? [];
    list.push(user);
    this.usersByAccount.set(user.accountId, list);
  }
}

/** A user item as the admin API returns it: no login password or sign-in state; tags on request. */
export function publicUser(
  user: MitelUser,
  expandTags = false,
): Omit<MitelUser, 'password' | 'state' | 'tags'> & { tags?: string[] } {
  const { password: _password, state: _state, tags, ...rest } = user;
  return expandTags ? { ...rest, tags } : rest;
}

const TAGS = ['sales', 'support', 'billing', 'night-shift'];

/**
 * Real CloudLink user items carry the user's SIP password (Mitel's own scripts strip it;
 * Switchboard must too unless asked to keep it): a stable, recognisable one per user.
 */
export function sipPasswordOf(userId: string): string {
  return `SIP-SECRET-${createHash('sha256').update(userId).digest('hex').slice(0, 16)}`;
}

function seededUser(user: MitelSeedUser): MitelUser {
  return {
    userId: user.userId,
    accountId: user.accountId,
    firstName: user.firstName,
    lastName: user.lastName,
    name: `${user.firstName} ${user.lastName}`,
    email: user.username,
    role: user.role,
    extension: `1${user.userId.replace(/\D/g, '').slice(0, 3).padEnd(3, '0')}`,
    createdOn: new Date(HISTORY_END - HISTORY_SPAN_MS * 2).toISOString(),
    sipPassword: sipPasswordOf(user.userId),
    tags: [TAGS[user.userId.charCodeAt(0) % TAGS.length] as string],
    password: user.password,
    state: user.state,
  };
}

function generateUsers(env: MitelEnv, account: MitelSeedAccount): MitelUser[] {
  const random = prng(hashSeed(`${env}/${account.accountId}/users`));
  const domain = account.name.split(' ')[0]?.toLowerCase() ?? 'example';
  return Array.from({ length: account.generatedUsers }, (_, i) => {
    const firstName = pick(random, FIRST_NAMES);
    const lastName = pick(random, LAST_NAMES);
    const userId = stableUuid(`mitel/${env}/${account.accountId}/generated-user/${i}`);
    return {
      userId,
      accountId: account.accountId,
      firstName,
      lastName,
      name: `${firstName} ${lastName}`,
      email: `${firstName}.${lastName}${i}@${domain}.example.com`.toLowerCase(),
      role: i % 10 === 0 ? 'ACCOUNT_ADMIN' : 'USER',
      extension: String(2000 + i),
      createdOn: new Date(HISTORY_END - HISTORY_SPAN_MS - i * 86_400_000).toISOString(),
      sipPassword: sipPasswordOf(userId),
      tags: i % 3 === 0 ? [] : [TAGS[i % TAGS.length] as string],
      state: 'active',
    };
  });
}

function generateCallRecords(
  env: MitelEnv,
  account: MitelSeedAccount,
  users: MitelUser[],
): CallRecord[] {
  const random = prng(hashSeed(`${env}/${account.accountId}/calls`));
  const count = account.generatedCallRecords;
  const step = HISTORY_SPAN_MS / Math.max(count, 1);
  const records: CallRecord[] = [];
  for (let i = 0; i < count && users.length > 0; i++) {
    const user = pick(random, users);
    const external = `+1555${String(Math.floor(random() * 10_000_000)).padStart(7, '0')}`;
    const externalName = pick(random, EXTERNAL_CALLERS);
    const direction = random() < 0.55 ? 'inbound' : 'outbound';
    const roll = random();
    const state = roll < 0.8 ? 'completed' : roll < 0.92 ? 'missed' : 'voicemail';
    const created = HISTORY_END - Math.floor(i * step + random() * step * 0.9);
    const duration = state === 'completed' ? 20 + Math.floor(random() * 900) : 0;
    const ringMs = 2000 + Math.floor(random() * 15_000);
    const userNumber = `+1555020${user.extension.padStart(4, '0').slice(-4)}`;
    const inbound = direction === 'inbound';
    const record: CallRecord = {
      callId: stableUuid(`mitel/${env}/${account.accountId}/call/${i}`),
      accountId: account.accountId,
      siteId: stableUuid(
        `mitel/${env}/${account.accountId}/site/${Number(user.extension.slice(-1)) % 2}`,
      ),
      principal: user.userId,
      from: inbound ? external : user.extension,
      fromName: inbound ? externalName : user.name,
      fromNumberE164: inbound ? external : userNumber,
      ...(inbound ? {} : { fromPrincipalId: user.userId }),
      to: inbound ? user.extension : external,
      toName: inbound ? user.name : externalName,
      toNumberE164: inbound ? userNumber : external,
      ...(inbound ? { toPrincipalId: user.userId } : {}),
      direction,
      state,
      cause:
        state === 'completed' ? 'NORMAL_CLEARING' : state === 'missed' ? 'NO_ANSWER' : 'USER_BUSY',
      createdOn: new Date(created).toISOString(),
      endTime: new Date(created + ringMs + duration * 1000).toISOString(),
      completed: state === 'completed',
      ringTime: Math.round(ringMs / 1000),
      billingTime: duration,
    };
    records.push(record);
  }
  return records.sort((a, b) => (a.createdOn < b.createdOn ? 1 : -1));
}

function hashSeed(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}
