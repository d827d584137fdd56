import { stableUuid } from './random';

/**
 * Every seeded credential, account, user, tenant and scope. Tests and demos read them from here
 * and never hard-code them. All of it is fake; secrets are recognisable on purpose so leak tests
 * can search for them.
 */

export type MitelRole = 'PARTNER_ADMIN' | 'ACCOUNT_ADMIN' | 'USER' | 'GUEST';
export type MitelEnv = 'prod' | 'sandbox';

export interface MitelSeedAccount {
  accountId: string;
  name: string;
  /** Customer accounts name their partner; a PARTNER_ADMIN there may act in them. */
  partnerId?: string;
  /** How many generated users and call records this account has. */
  generatedUsers: number;
  generatedCallRecords: number;
}

export interface MitelSeedClient {
  clientId: string;
  clientSecret: string;
  accountId: string;
  role: MitelRole;
  active: boolean;
}

/** `state`: what the token endpoint does after the password matches. */
export type MitelUserState =
  'active' | 'inactive' | 'locked' | 'password-change' | 'password-rules';

export interface MitelSeedUser {
  userId: string;
  username: string;
  password: string;
  accountId: string;
  role: MitelRole;
  firstName: string;
  lastName: string;
  state: MitelUserState;
}

/** Call records of ACME production by default: what every test sees unless it asks for more. */
export const DEFAULT_ACME_CALL_RECORDS = 5000;
/** Upper bound of `callRecords`: enough for the 200,000-record benchmarks, not a memory bomb. */
export const MAX_ACME_CALL_RECORDS = 1_000_000;

/** Seeding choices of one emulator instance. */
export interface SeedOptions {
  /** Call records of the ACME production account (default 5,000; the sandbox keeps 300). */
  callRecords?: number;
}

/** Checks `callRecords` and says what is wrong with it. */
export function acmeCallRecords(options: SeedOptions = {}): number {
  const count = options.callRecords ?? DEFAULT_ACME_CALL_RECORDS;
  if (!Number.isInteger(count) || count < 0 || count > MAX_ACME_CALL_RECORDS) {
    throw new Error(
      `callRecords must be an integer from 0 to ${MAX_ACME_CALL_RECORDS}, got ${String(count)}`,
    );
  }
  return count;
}

/**
 * The seeded accounts of one Mitel environment with this instance's sizes applied (ACME
 * production's call records); the other seed data never changes.
 */
export function sizedMitelAccounts(env: MitelEnv, options: SeedOptions = {}): MitelSeedAccount[] {
  const accounts = EMULATOR_SEED.mitel[env].accounts;
  const acme =
    env === 'prod'
      ? { ...accounts.acme, generatedCallRecords: acmeCallRecords(options) }
      : accounts.acme;
  return [accounts.partner, acme, accounts.globex];
}

function mitelEnv(env: MitelEnv) {
  const id = (name: string) => stableUuid(`mitel/${env}/${name}`);
  const partner = id('account/partner');
  const acme = id('account/acme');
  const globex = id('account/globex');
  const secret = (name: string) => `mitel-${env}-${name}-secret-7Hq2`;
  const user = (
    key: string,
    accountId: string,
    role: MitelRole,
    firstName: string,
    lastName: string,
    state: MitelUserState = 'active',
  ): MitelSeedUser => ({
    userId: id(`user/${key}/${accountId}`),
    username: `${key}@${env === 'prod' ? 'acme.example.com' : 'sandbox.acme.example.com'}`,
    password: `${env}-${key}-Passw0rd!`,
    accountId,
    role,
    firstName,
    lastName,
    state,
  });
  const accounts: Record<'partner' | 'acme' | 'globex', MitelSeedAccount> = {
    partner: {
      accountId: partner,
      name: 'Switchboard Partner Ltd',
      generatedUsers: 6,
      generatedCallRecords: 40,
    },
    acme: {
      accountId: acme,
      name: 'ACME Corporation',
      partnerId: partner,
      generatedUsers: env === 'prod' ? 48 : 20,
      generatedCallRecords: env === 'prod' ? DEFAULT_ACME_CALL_RECORDS : 300,
    },
    globex: {
      accountId: globex,
      name: 'Globex Industries',
      partnerId: partner,
      generatedUsers: 15,
      generatedCallRecords: 120,
    },
  };
  const shared = user('sam.shared', acme, 'USER', 'Sam', 'Shared');
  return {
    accounts,
    clients: {
      acmeAdmin: {
        clientId: id('client/acme-admin'),
        clientSecret: secret('acme-admin'),
        accountId: acme,
        role: 'ACCOUNT_ADMIN',
        active: true,
      },
      acmeUser: {
        clientId: id('client/acme-user'),
        clientSecret: secret('acme-user'),
        accountId: acme,
        role: 'USER',
        active: true,
      },
      globexAdmin: {
        clientId: id('client/globex-admin'),
        clientSecret: secret('globex-admin'),
        accountId: globex,
        role: 'ACCOUNT_ADMIN',
        active: true,
      },
      partnerAdmin: {
        clientId: id('client/partner-admin'),
        clientSecret: secret('partner-admin'),
        accountId: partner,
        role: 'PARTNER_ADMIN',
        active: true,
      },
      inactive: {
        clientId: id('client/inactive'),
        clientSecret: secret('inactive'),
        accountId: acme,
        role: 'USER',
        active: false,
      },
    } satisfies Record<string, MitelSeedClient>,
    users: {
      admin: user('ada.admin', acme, 'ACCOUNT_ADMIN', 'Ada', 'Admin'),
      agent: user('alex.agent', acme, 'USER', 'Alex', 'Agent'),
      partnerAdmin: user('pat.partner', partner, 'PARTNER_ADMIN', 'Pat', 'Partner'),
      globexAdmin: user('gus.globex', globex, 'ACCOUNT_ADMIN', 'Gus', 'Globex'),
      /** Same username and password in ACME and Globex: 409 without account_id. */
      shared,
      sharedInGlobex: { ...shared, userId: id(`user/sam.shared/${globex}`), accountId: globex },
      inactive: user('ivy.inactive', acme, 'USER', 'Ivy', 'Inactive', 'inactive'),
      locked: user('lou.locked', acme, 'USER', 'Lou', 'Locked', 'locked'),
      passwordChange: user('pia.change', acme, 'USER', 'Pia', 'Change', 'password-change'),
      passwordRules: user('rex.rules', acme, 'USER', 'Rex', 'Rules', 'password-rules'),
    } satisfies Record<string, MitelSeedUser>,
  };
}

export interface BrightPatternSeedClient {
  clientId: string;
  clientSecret: string;
  tenant: string;
}

export interface SangomaSeedClient {
  clientId: string;
  clientSecret: string;
  scopes: string[];
  tenantDomain: string;
}

export interface DellSeedClient {
  clientId: string;
  clientSecret: string;
}

export interface GenericSeedClient {
  clientId: string;
  clientSecret: string;
  scopes: string[];
}

const SANGOMA_SCOPES = ['cx.agent-calls', 'cx.queue-calls', 'cx.digital-interactions'];

export const EMULATOR_SEED = {
  mitel: {
    apiVersion: '2017-09-01',
    services: ['authentication', 'admin', 'media', 'chat', 'notifications'],
    roles: ['PARTNER_ADMIN', 'ACCOUNT_ADMIN', 'USER', 'GUEST'] as MitelRole[],
    /** Refresh tokens live 14 days, as the real service. */
    refreshTokenLifetimeSec: 14 * 24 * 3600,
    prod: mitelEnv('prod'),
    sandbox: mitelEnv('sandbox'),
  },
  dell: {
    scope: 'all',
    clients: {
      admin: { clientId: 'switchboard-client', clientSecret: 'dell-clc-client-secret-Zr81' },
      /** A client user whose password contains characters that must be URL-encoded in a query. */
      special: { clientId: 'special-client', clientSecret: 'dell&secret=with+specials/%9' },
    } satisfies Record<string, DellSeedClient>,
  },
  'bright-pattern': {
    tenants: ['acme.brightpattern.com', 'globex.brightpattern.com'],
    clients: {
      acme: {
        clientId: 'api.admin',
        clientSecret: 'bp-acme-api-secret-Q4x9',
        tenant: 'acme.brightpattern.com',
      },
      globex: {
        clientId: 'api.admin',
        clientSecret: 'bp-globex-api-secret-W2m7',
        tenant: 'globex.brightpattern.com',
      },
    } satisfies Record<string, BrightPatternSeedClient>,
    /** Seeded users of the acme tenant (plus generated ones). */
    users: { existing: 'alice.anderson', locked: 'lou.locked' },
    generatedUsers: 36,
  },
  sangoma: {
    scopes: SANGOMA_SCOPES,
    tenants: ['acme.cx.sangoma.com', 'globex.cx.sangoma.com'],
    clients: {
      full: {
        clientId: 'sg-client-full',
        clientSecret: 'sangoma-full-secret-Lp3v',
        scopes: SANGOMA_SCOPES,
        tenantDomain: 'acme.cx.sangoma.com',
      },
      agentOnly: {
        clientId: 'sg-client-agent',
        clientSecret: 'sangoma-agent-secret-Hd5k',
        scopes: ['cx.agent-calls'],
        tenantDomain: 'acme.cx.sangoma.com',
      },
      /** Secret with characters strict RFC 6749 Basic encoding changes: only raw Basic works. */
      rawSecret: {
        clientId: 'sg-client-raw',
        clientSecret: 'sangoma+raw/secret=Yb6',
        scopes: SANGOMA_SCOPES,
        tenantDomain: 'acme.cx.sangoma.com',
      },
    } satisfies Record<string, SangomaSeedClient>,
    agents: ['alice', 'bruno', 'chloe'],
    queues: ['sales', 'support'],
    /** Open digital-interaction conversations of acme.cx.sangoma.com. */
    conversations: ['conv-1001', 'conv-1002', 'conv-1003'],
    webhookEvents: ['conversation_created', 'message_created'],
  },
  generic: {
    scopes: ['read', 'write'],
    clients: {
      service: {
        clientId: 'generic-service',
        clientSecret: 'generic-service-secret-Nf8e',
        scopes: ['read', 'write'],
      },
      readOnly: {
        clientId: 'generic-reader',
        clientSecret: 'generic-reader-secret-Tg2c',
        scopes: ['read'],
      },
    } satisfies Record<string, GenericSeedClient>,
    users: { alice: { username: 'alice', password: 'generic-alice-Passw0rd!' } },
    items: 250,
  },
} as const;

export type EmulatorSeed = typeof EMULATOR_SEED;
