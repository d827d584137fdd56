import { pick, prng, stableUuid } from '../../seed/random';

export interface DellMachine {
  id: string;
  name: string;
  hostname: string;
  ipAddress: string;
  os: string;
  group: string;
  status: 'Connected' | 'Disconnected' | 'Pending';
  encryptionState: 'Encrypted' | 'Encrypting' | 'Unencrypted';
  lastSeen: string;
}

const OS = [
  'Windows Server 2022',
  'Ubuntu 24.04 LTS',
  'Red Hat Enterprise Linux 9',
  'Windows Server 2019',
];
const GROUPS = ['Default', 'Finance', 'Engineering', 'DMZ'];

export function generateMachines(count: number): DellMachine[] {
  const random = prng(0xde11);
  return Array.from({ length: count }, (_, i) => {
    const group = pick(random, GROUPS);
    return {
      id: stableUuid(`dell/machine/${i}`),
      name: `vm-${group.toLowerCase()}-${String(i + 1).padStart(3, '0')}`,
      hostname: `vm${i + 1}.corp.example.com`,
      ipAddress: `10.20.${Math.floor(i / 250)}.${(i % 250) + 2}`,
      os: pick(random, OS),
      group,
      status: random() < 0.85 ? 'Connected' : random() < 0.5 ? 'Disconnected' : 'Pending',
      encryptionState: random() < 0.8 ? 'Encrypted' : random() < 0.5 ? 'Encrypting' : 'Unencrypted',
      lastSeen: new Date(
        Date.UTC(2026, 9, 31) - Math.floor(random() * 7 * 86_400_000),
      ).toISOString(),
    };
  });
}

export const DELL_USERS = [
  {
    id: stableUuid('dell/user/admin'),
    name: 'administrator',
    type: 'Administrator',
    email: 'admin@corp.example.com',
  },
  {
    id: stableUuid('dell/user/secadmin'),
    name: 'secadmin',
    type: 'Security Administrator',
    email: 'sec@corp.example.com',
  },
  { id: stableUuid('dell/user/client'), name: 'switchboard-client', type: 'Client', email: null },
  { id: stableUuid('dell/user/special'), name: 'special-client', type: 'Client', email: null },
  {
    id: stableUuid('dell/user/auditor'),
    name: 'auditor',
    type: 'Domain User',
    email: 'audit@corp.example.com',
  },
];

export const DELL_LICENSE = {
  type: 'Subscription',
  status: 'Valid',
  issuedTo: 'ACME Corporation',
  expires: '2027-12-31T23:59:59.000Z',
  machinesLicensed: 100,
};

export interface DellEvent {
  id: string;
  /** Epoch milliseconds. */
  timestamp: number;
  severity: 'INFO' | 'WARNING' | 'ERROR';
  type: string;
  source: string;
  message: string;
}

/** Fixed end of the generated event history, so the data never changes between runs. */
export const DELL_EVENTS_END = Date.UTC(2026, 9, 31);

const EVENT_TYPES = [
  ['INFO', 'MACHINE_CONNECTED', 'connected'],
  ['INFO', 'KEY_RELEASED', 'received its volume keys'],
  ['WARNING', 'MACHINE_DISCONNECTED', 'stopped reporting'],
  ['ERROR', 'POLICY_VIOLATION', 'failed the encryption policy check'],
] as const;

/** Monitoring events of the last seven days, oldest first. */
export function generateEvents(machines: readonly DellMachine[], count: number): DellEvent[] {
  const random = prng(0xe7e7);
  const step = (7 * 86_400_000) / count;
  return Array.from({ length: count }, (_, i) => {
    const [severity, type, what] = pick(random, EVENT_TYPES);
    const machine = pick(random, machines);
    return {
      id: stableUuid(`dell/event/${i}`),
      timestamp: DELL_EVENTS_END - 7 * 86_400_000 + Math.floor(i * step),
      severity,
      type,
      source: machine.name,
      message: `${machine.name} ${what}`,
    };
  });
}
