// The ERP side of the call-record examples in a real PostgreSQL: the examples' tables, a few
// contacts whose numbers are written the way people write them (E.164 beside, from core's
// normaliser), and a row-by-row read of call_log by end time (a flow may insert concurrently).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toE164 } from '@switchboard/core';
import type { RunningPostgres } from '@switchboard/testkit';
import { REPO_ROOT } from '../node-red/node-red-instance';

export const ERP_DATABASE = 'erp';

export const CONTACTS = [
  { name: 'Ada Lovelace', phone: '(202) 555-0141' },
  { name: 'Grace Hopper', phone: '202.555.0143' },
  { name: 'Alan Turing', phone: '+44 20 7946 0018' },
];

export interface CallLogRow {
  call_id: string;
  from_number: string | null;
  from_e164: string | null;
  to_e164: string | null;
  contact: string | null;
}

/** Creates the examples' tables; call_log without its primary key, so a duplicate would show. */
export async function createErpDatabase(postgres: RunningPostgres): Promise<void> {
  await postgres.query(`CREATE DATABASE ${ERP_DATABASE}`);
  const schema = readFileSync(join(REPO_ROOT, 'packages/n8n/examples/erp-call-log.sql'), 'utf8')
    // The test must see duplicates instead of having the database refuse them.
    .replace('call_id text PRIMARY KEY', 'row_id serial PRIMARY KEY, call_id text NOT NULL');
  await postgres.query(schema, ERP_DATABASE);
  for (const contact of CONTACTS) {
    const e164 = toE164(contact.phone, 'US');
    await postgres.query(
      `INSERT INTO contacts (name, phone, phone_e164) VALUES ('${contact.name}', '${contact.phone}', ${e164 === null ? 'NULL' : `'${e164}'`})`,
      ERP_DATABASE,
    );
  }
}

export function callLog(postgres: RunningPostgres): Promise<CallLogRow[]> {
  return postgres.rows<CallLogRow>(
    `SELECT l.call_id, l.from_number, l.from_e164, l.to_e164, c.name AS contact
       FROM call_log l LEFT JOIN contacts c ON c.id = l.contact_id ORDER BY l.ended_at, l.call_id`,
    ERP_DATABASE,
  );
}

/** Waits until call_log has `count` rows (bounded), then returns them. */
export async function waitForCallLog(
  postgres: RunningPostgres,
  count: number,
  timeoutMs = 150_000,
): Promise<CallLogRow[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const rows = await callLog(postgres);
    if (rows.length >= count) return rows;
    if (Date.now() > until)
      throw new Error(`expected ${count} call_log rows, found ${rows.length}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
