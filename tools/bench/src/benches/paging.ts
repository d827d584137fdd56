// paging.callrecords_per_s.ratio: call records per second streamed through a connection's
// `pages()` ("return all") divided by a hand-written axios loop over the same pages, against
// the same emulator in the same run. Median of interleaved rounds; > 1 means core is faster.
import { performance } from 'node:perf_hooks';
import axios, { type AxiosResponse } from 'axios';
import { createConnection, getProfile, type Connection } from '@switchboard/core';
import { EMULATOR_SEED, startEmulator } from '@switchboard/emulator';
import { median } from '../stats';
import type { Bench } from '../types';

const ROUNDS = 15;
const PAGE_SIZE = 100;

interface HalPage {
  _links?: { next?: { href?: string } | string };
  _embedded?: { items?: unknown[] };
}

async function timed(run: () => Promise<number>): Promise<{ records: number; perSecond: number }> {
  const started = performance.now();
  const records = await run();
  const seconds = (performance.now() - started) / 1000;
  return { records, perSecond: records / seconds };
}

/** Core: stream every page through the connection, counting items (nothing kept). */
async function throughCore(connection: Connection): Promise<number> {
  let count = 0;
  for await (const page of connection.pages('callRecord.list', { top: PAGE_SIZE })) {
    count += page.items.length;
  }
  return count;
}

/** Baseline: what a person writes by hand with axios and a token fetched once. */
async function throughAxios(base: string, token: string): Promise<number> {
  const headers = {
    authorization: `Bearer ${token}`,
    'X-Mitel-App': 'app=bench/1.0;platform=axios',
  };
  let url: string | undefined = `${base}/media/2017-09-01/calls/records?$top=${PAGE_SIZE}`;
  let count = 0;
  while (url !== undefined) {
    const response: AxiosResponse<HalPage> = await axios.get<HalPage>(url, {
      headers,
      timeout: 30_000,
    });
    count += response.data._embedded?.items?.length ?? 0;
    const next: { href?: string } | string | undefined = response.data._links?.next;
    url = typeof next === 'string' ? next : next?.href;
  }
  return count;
}

async function axiosToken(
  base: string,
  client: { clientId: string; clientSecret: string; accountId: string },
): Promise<string> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: client.clientId,
    client_secret: client.clientSecret,
    account_id: client.accountId,
  });
  const response = await axios.post<{ access_token: string }>(
    `${base}/authentication/2017-09-01/token`,
    form.toString(),
    {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    },
  );
  return response.data.access_token;
}

const bench: Bench = {
  title: 'paging: call records through pages() vs a hand-written axios loop',
  async run() {
    const emulator = await startEmulator({ port: 0 });
    const client = EMULATOR_SEED.mitel.prod.clients.acmeAdmin;
    const base = `${emulator.url}/mitel/prod`;
    const connection = createConnection(getProfile('mitel-cloudlink'), {
      environment: 'custom',
      customBaseUrl: `${base}/{service}/2017-09-01`,
      grantType: 'client_credentials',
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      accountId: client.accountId,
    });
    try {
      const token = await axiosToken(base, client);
      // Warm-up: token, emulator caches, JIT, keep-alive sockets.
      const expected = await throughCore(connection);
      if ((await throughAxios(base, token)) !== expected)
        throw new Error('core and axios saw different record counts');
      const ratios: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        // Alternate which goes first so neither always runs on a warmer machine.
        const runCore = () => timed(() => throughCore(connection));
        const runAxios = () => timed(() => throughAxios(base, token));
        let core: Awaited<ReturnType<typeof runCore>>;
        let plain: Awaited<ReturnType<typeof runAxios>>;
        if (round % 2 === 0) {
          core = await runCore();
          plain = await runAxios();
        } else {
          plain = await runAxios();
          core = await runCore();
        }
        if (core.records !== expected || plain.records !== expected)
          throw new Error('record count changed between rounds');
        ratios.push(core.perSecond / plain.perSecond);
      }
      return {
        'paging.callrecords_per_s.ratio': median(ratios),
        'paging.callrecords.count': expected,
      };
    } finally {
      await connection.close();
      await emulator.close();
    }
  },
};

export default bench;
