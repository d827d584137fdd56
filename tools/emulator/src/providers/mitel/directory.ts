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
  /** Login: only seeded users have a password; generated ones cannot sign in. */
  password?: string;
  state: MitelUserState;
}

export interface CallRecord {
  callId: string;
  accountId: string;
  principal: string;
  from: string;
  fromName: string;
  to: string;
  toName: string;
  direction: 'inbound' | 'outbound';
  state: 'completed' | 'missed' | 'voicemail';
  cause: string;
  createdOn: string;
  answeredOn?: string;
  endedOn: string;
  duration: number;
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
    this.clients.clear();
    for (const client of Object.values(EMULATOR_SEED.mitel[this.env].clients)) {
      this.clients.set(client.clientId, { ...client });
    }
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

/** The public shape of a user (no password, no sign-in state). */
export function publicUser(user: MitelUser): Omit<MitelUser, 'password' | 'state'> {
  const { password: _password, state: _state, ...rest } = user;
  return rest;
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
    return {
      userId: stableUuid(`mitel/${env}/${account.accountId}/generated-user/${i}`),
      accountId: account.accountId,
      firstName,
      lastName,
      name: `${firstName} ${lastName}`,
      email: `${firstName}.${lastName}${i}@${domain}.example.com`.toLowerCase(),
      role: i % 10 === 0 ? 'ACCOUNT_ADMIN' : 'USER',
      extension: String(2000 + i),
      createdOn: new Date(HISTORY_END - HISTORY_SPAN_MS - i * 86_400_000).toISOString(),
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
    const record: CallRecord = {
      callId: stableUuid(`mitel/${env}/${account.accountId}/call/${i}`),
      accountId: account.accountId,
      principal: user.userId,
      from: direction === 'inbound' ? external : user.extension,
      fromName: direction === 'inbound' ? externalName : user.name,
      to: direction === 'inbound' ? user.extension : external,
      toName: direction === 'inbound' ? user.name : externalName,
      direction,
      state,
      cause:
        state === 'completed' ? 'NORMAL_CLEARING' : state === 'missed' ? 'NO_ANSWER' : 'USER_BUSY',
      createdOn: new Date(created).toISOString(),
      endedOn: new Date(created + ringMs + duration * 1000).toISOString(),
      duration,
    };
    if (state === 'completed') record.answeredOn = new Date(created + ringMs).toISOString();
    records.push(record);
  }
  return records.sort((a, b) => (a.createdOn < b.createdOn ? 1 : -1));
}

function hashSeed(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}
