// What the Mitel call-record benches share: a connection to the emulator's ACME production
// account, a token fetched by hand for the baselines, and the hand-written axios loop.
import axios, { type AxiosResponse } from 'axios';
import type { Connection } from '@switchboard/core';
import { EMULATOR_SEED } from '@switchboard/emulator';
import { core } from './core';

export const PAGE_SIZE = 100;
/** Call records the paging bench lists per run, through each side. */
export const PAGING_RECORDS = 50_000;
/** Memory benches list this many records (nothing kept) before measuring, at every size. */
export const WARM_UP_RECORDS = 50_000;
const CLIENT = EMULATOR_SEED.mitel.prod.clients.acmeAdmin;

interface HalPage {
  _links?: { next?: { href?: string } | string };
  _embedded?: { items?: unknown[] };
}

export function mitelConnection(emulatorUrl: string): Connection {
  return core.createConnection(core.getProfile('mitel-cloudlink'), {
    environment: 'custom',
    customBaseUrl: `${emulatorUrl}/mitel/prod/{service}/2017-09-01`,
    grantType: 'client_credentials',
    clientId: CLIENT.clientId,
    clientSecret: CLIENT.clientSecret,
    accountId: CLIENT.accountId,
  });
}

/**
 * Core: every page (up to `maxPages`) through `connection.pages()` ("return all"), counting
 * items, keeping none.
 */
export async function countThroughCore(
  connection: Connection,
  maxPages = Infinity,
): Promise<number> {
  let count = 0;
  let pages = 0;
  for await (const page of connection.pages('callRecord.list', { top: PAGE_SIZE })) {
    count += page.items.length;
    if (++pages >= maxPages) break;
  }
  return count;
}

/**
 * Baseline: what a person writes by hand with axios and a token fetched once (up to `maxPages`);
 * `onPage` hears each page's item count (the memory bench's late window).
 */
export async function countThroughAxios(
  emulatorUrl: string,
  token: string,
  maxPages = Infinity,
  onPage?: (items: number) => void,
): Promise<number> {
  const headers = {
    authorization: `Bearer ${token}`,
    'X-Mitel-App': 'app=bench/1.0;platform=axios',
  };
  let url: string | undefined =
    `${emulatorUrl}/mitel/prod/media/2017-09-01/calls/records?$top=${PAGE_SIZE}`;
  let count = 0;
  let pages = 0;
  while (url !== undefined && pages++ < maxPages) {
    const response: AxiosResponse<HalPage> = await axios.get<HalPage>(url, {
      headers,
      timeout: 30_000,
    });
    const items = response.data._embedded?.items?.length ?? 0;
    count += items;
    onPage?.(items);
    const next: { href?: string } | string | undefined = response.data._links?.next;
    url = typeof next === 'string' ? next : next?.href;
  }
  return count;
}

/** A token for the baseline, asked for by hand. */
export async function mitelToken(emulatorUrl: string): Promise<string> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: CLIENT.clientId,
    client_secret: CLIENT.clientSecret,
    account_id: CLIENT.accountId,
  });
  const response = await axios.post<{ access_token: string }>(
    `${emulatorUrl}/mitel/prod/authentication/2017-09-01/token`,
    form.toString(),
    { headers: { 'content-type': 'application/x-www-form-urlencoded' } },
  );
  return response.data.access_token;
}
