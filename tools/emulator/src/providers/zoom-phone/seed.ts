// Zoom Phone's seeded (fake) account: one Server-to-Server OAuth app, its phone users, account
// users and a month of call history, generated deterministically so tests can count them.

/** The app's credentials as the Zoom App Marketplace shows them (Account ID, Client ID/Secret). */
export const ZOOM_APP = {
  accountId: 'Zm-AcMe-Acc0unt-01',
  clientId: 'zoomS2sAcmeClient01',
  clientSecret: 'zoom+S2S/secret=Acme:01%',
  scope: 'phone:read:admin user:read:admin',
} as const;

export interface ZoomPhoneUser {
  id: string;
  email: string;
  name: string;
  extension_number: number;
  phone_numbers: Array<{ id: string; number: string }>;
  site: { id: string; name: string };
  status: 'activate' | 'deactivate';
}

export interface ZoomUser {
  id: string;
  first_name: string;
  last_name: string;
  display_name: string;
  email: string;
  type: number;
  status: 'active';
  timezone: string;
  created_at: string;
}

export interface ZoomCall {
  id: string;
  call_id: string;
  direction: 'inbound' | 'outbound';
  international: boolean;
  caller_name: string;
  caller_did_number: string;
  caller_ext_number: string;
  callee_name: string;
  callee_did_number: string;
  callee_ext_number: string;
  start_time: string;
  answer_time: string;
  end_time: string;
  duration: number;
  call_result: 'answered' | 'no_answer' | 'voicemail';
  /** The phone user this record belongs to (Zoom's user-level history). */
  user_id: string;
}

const FIRST = ['Ada', 'Ben', 'Chloé', 'Dev', 'Eun-ji', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas'];
const LAST = ['Ng', 'Okafor', 'Schmidt', 'Ruiz', 'Tanaka', 'Dubois', 'Kowalski', 'Silva'];
const SITES = [
  { id: 'site-hq-01', name: 'Main Site' },
  { id: 'site-br-02', name: 'Branch Office' },
];

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function phoneUser(index: number): ZoomPhoneUser {
  const first = FIRST[index % FIRST.length] ?? 'Ada';
  const last = LAST[Math.floor(index / FIRST.length) % LAST.length] ?? 'Ng';
  return {
    id: `zpu${pad(index, 5)}Ab`,
    email: `${first.toLowerCase()}.${last.toLowerCase()}${index}@acme.example`,
    name: `${first} ${last}`,
    extension_number: 1000 + index,
    phone_numbers: [{ id: `pn${pad(index, 5)}`, number: `+1415555${pad(index, 4)}` }],
    site: SITES[index % SITES.length] ?? { id: 'site-hq-01', name: 'Main Site' },
    status: index % 25 === 24 ? 'deactivate' : 'activate',
  };
}

/** Phone users 0–149; the first 40 are also the account's users. */
export const PHONE_USERS: readonly ZoomPhoneUser[] = Array.from({ length: 150 }, (_, i) =>
  phoneUser(i),
);

export const ACCOUNT_USERS: readonly ZoomUser[] = PHONE_USERS.slice(0, 40).map((user, index) => ({
  id: user.id,
  first_name: user.name.split(' ')[0] ?? '',
  last_name: user.name.split(' ')[1] ?? '',
  display_name: user.name,
  email: user.email,
  // 1 basic, 2 licensed; the first user owns the account (the S2S app's `me`).
  type: index === 0 ? 2 : 1 + (index % 2),
  status: 'active',
  timezone: 'America/Los_Angeles',
  created_at: '2025-01-15T09:00:00Z',
}));

/** Call history starts here; one record every 80 minutes, 500 records (~28 days). */
export const CALLS_FROM = Date.parse('2026-11-01T00:00:00Z');
const CALL_STEP_MS = 80 * 60 * 1000;

function call(index: number): ZoomCall {
  const user = PHONE_USERS[index % 30] ?? phoneUser(0);
  const outbound = index % 3 === 0;
  const start = CALLS_FROM + index * CALL_STEP_MS;
  const duration = index % 7 === 0 ? 0 : 30 + ((index * 37) % 900);
  const external = `+4930${pad(1_000_000 + index * 7919, 7).slice(-7)}`;
  const own = user.phone_numbers[0]?.number ?? '';
  return {
    id: `zch-${pad(index, 6)}`,
    call_id: `7${pad(index * 104_729, 18).slice(-18)}`,
    direction: outbound ? 'outbound' : 'inbound',
    international: true,
    caller_name: outbound ? user.name : 'External caller',
    caller_did_number: outbound ? own : external,
    caller_ext_number: outbound ? String(user.extension_number) : '',
    callee_name: outbound ? 'External callee' : user.name,
    callee_did_number: outbound ? external : own,
    callee_ext_number: outbound ? '' : String(user.extension_number),
    start_time: new Date(start).toISOString().replace('.000', ''),
    answer_time: new Date(start + 5000).toISOString().replace('.000', ''),
    end_time: new Date(start + 5000 + duration * 1000).toISOString().replace('.000', ''),
    duration,
    call_result: duration === 0 ? 'no_answer' : 'answered',
    user_id: user.id,
  };
}

export const CALL_HISTORY: readonly ZoomCall[] = Array.from({ length: 500 }, (_, i) => call(i));

export const ZOOM_SEED = {
  app: ZOOM_APP,
  phoneUsers: PHONE_USERS.length,
  calls: CALL_HISTORY.length,
};
