// overhead.core_vs_axios.ratio: authenticated API calls per second through the core ApiClient
// (token manager, header building, error classification, JSON parsing) divided by plain axios
// with a fixed Authorization header, same emulator endpoint, same run. Both are warmed up,
// rounds are interleaved, the median ratio is reported; 1.0 means no overhead.
import { performance } from 'node:perf_hooks';
import axios from 'axios';
import {
  ApiClient,
  createAxiosTransport,
  createOAuthTokenSource,
  TokenManager,
} from '@switchboard/core';
import { EMULATOR_SEED, startEmulator } from '@switchboard/emulator';
import { median } from '../stats';
import type { Bench } from '../types';

const ROUNDS = 9;
const CALLS_PER_ROUND = 400;
const CONCURRENCY = 8;
const WARM_UP_CALLS = 200;

/** Calls per second for `calls` requests made by `CONCURRENCY` sequential loops. */
async function throughput(calls: number, call: () => Promise<unknown>): Promise<number> {
  let remaining = calls;
  const loop = async () => {
    while (remaining > 0) {
      remaining -= 1;
      await call();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  return calls / ((performance.now() - started) / 1000);
}

const bench: Bench = {
  title: 'API call overhead: core ApiClient vs plain axios with a fixed Authorization header',
  async run() {
    const emulator = await startEmulator({ port: 0 });
    try {
      const client = EMULATOR_SEED.generic.clients.service;
      const tokens = new TokenManager({
        source: createOAuthTokenSource({
          key: 'bench:overhead',
          provider: 'generic-oauth2',
          renewal: { mode: 'early', skewMs: 60_000, maxSkewFraction: 0.1 },
          grant: { type: 'client_credentials' },
          request: {
            tokenUrl: `${emulator.url}/generic/oauth/token`,
            client: { id: client.clientId, secret: client.clientSecret, placement: 'basic' },
            scope: 'read',
          },
          defaultExpiresInSec: 3600,
        }),
        transport: createAxiosTransport(),
      });
      const api = new ApiClient({
        tokens,
        transport: createAxiosTransport(),
        provider: 'generic-oauth2',
      });
      const url = `${emulator.url}/generic/api/me`;
      const token = await tokens.getToken();
      const plain = axios.create({ headers: { Authorization: `Bearer ${token.accessToken}` } });

      const viaCore = () => api.send({ method: 'GET', url });
      const viaAxios = () => plain.get(url);
      await throughput(WARM_UP_CALLS, viaCore);
      await throughput(WARM_UP_CALLS, viaAxios);

      const ratios: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        // Alternate which side goes first so drift in the machine's load does not favour one.
        if (round % 2 === 0) {
          const core = await throughput(CALLS_PER_ROUND, viaCore);
          ratios.push(core / (await throughput(CALLS_PER_ROUND, viaAxios)));
        } else {
          const baseline = await throughput(CALLS_PER_ROUND, viaAxios);
          ratios.push((await throughput(CALLS_PER_ROUND, viaCore)) / baseline);
        }
      }
      await tokens.close();
      return { 'overhead.core_vs_axios.ratio': median(ratios) };
    } finally {
      await emulator.close();
    }
  },
};

export default bench;
