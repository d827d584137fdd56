// overhead.core_vs_axios.ratio: authenticated API calls per second through the core ApiClient
// (token manager, header building, error classification, JSON parsing) divided by plain axios
// with a fixed Authorization header, same emulator endpoint, same run, one call at a time;
// overhead.core_vs_axios.ratio.concurrent50: the same with 50 calls in flight. Rounds
// interleaved (A B, B A, ...), warm-up dropped, median ratio; 1.0 means no overhead. Timed by
// the CPU time of this process, all threads (the client alone: the emulator runs in a process
// of its own; garbage collection counts wherever V8 runs it); `.wall_clock` from wall time.
import axios from 'axios';
import { EMULATOR_SEED } from '@switchboard/emulator';
import { core } from '../lib/core';
import { startEmulatorProcess } from '../lib/emulator-process';
import {
  interleave,
  measure,
  processCpuTotalClock,
  wallClock,
  type Durations,
  type Estimate,
} from '../stats';
import type { Bench } from '../types';

const WARM_UP = 2;
/**
 * Rounds of 400 sequential calls spread ±20 %, of 800 ±8–13 %, of 2,000 ±9–15 % (per-round
 * CPU varies with the neighbours' load at the scale of seconds): longer rounds barely narrow
 * a round, but with them all three runs stayed ≥ 0.97, which the 800-call rounds did not.
 * Built core, three consecutive runs (load 6–8): sequential 1.096, 1.128, 1.101; 50 in flight
 * 1.040, 1.028, 1.085.
 */
const ROUNDS = 31;
const CALLS = { sequential: 2000, concurrent: 3000 } as const;
const IN_FLIGHT = 50;
const CLOCKS = { cpu: processCpuTotalClock, wall: wallClock };

/** How long `calls` requests take when `inFlight` loops make them one after the other. */
async function callsTake(
  calls: number,
  inFlight: number,
  call: () => Promise<unknown>,
): Promise<Durations> {
  let remaining = calls;
  const loop = async () => {
    while (remaining > 0) {
      remaining -= 1;
      await call();
    }
  };
  return measure(() => Promise.all(Array.from({ length: inFlight }, loop)), CLOCKS);
}

const { ApiClient, createAxiosTransport, createOAuthTokenSource, TokenManager } = core;

const bench: Bench = {
  title: 'API call overhead: core ApiClient vs plain axios with a fixed Authorization header',
  async run() {
    const emulator = await startEmulatorProcess();
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
      const compare = (calls: number, inFlight: number) =>
        interleave({
          warmUp: WARM_UP,
          rounds: ROUNDS,
          baseline: () => callsTake(calls, inFlight, viaAxios),
          subject: () => callsTake(calls, inFlight, viaCore),
        });
      const sequential = await compare(CALLS.sequential, 1);
      const concurrent = await compare(CALLS.concurrent, IN_FLIGHT);
      await tokens.close();
      return {
        'overhead.core_vs_axios.ratio': sequential.cpu as Estimate,
        [`overhead.core_vs_axios.ratio.concurrent${IN_FLIGHT}`]: concurrent.cpu as Estimate,
        'overhead.core_vs_axios.ratio.wall_clock': sequential.wall as Estimate,
        [`overhead.core_vs_axios.ratio.concurrent${IN_FLIGHT}.wall_clock`]:
          concurrent.wall as Estimate,
      };
    } finally {
      await emulator.close();
    }
  },
};

export default bench;
