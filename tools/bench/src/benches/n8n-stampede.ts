// n8n.stampede.{regular,queue}.token_requests: token requests the emulator counts for one
// credential when 50 executions start together, in a real n8n 2.41: regular mode (one
// `n8n start`) and queue mode (PostgreSQL + Redis, a main and two workers). The headline is the
// worst of three cases — no token yet, an expired token, a revoked token — each on its own
// credential; the per-case figures follow it. 1 is the goal: one grant per credential per
// renewal. In queue mode nothing a community node can reach coordinates the workers, so the
// floor is one grant per worker that runs executions (see packages/n8n/README.md).
import { startEmulator } from '@switchboard/emulator';
import { STAMPEDE_CASES, Stampede } from '../../../e2e/n8n-queue/stampede';
import type { ClusterMode } from '../../../e2e/n8n-queue/cluster';
import type { Bench } from '../types';

const EXECUTIONS = 50;
const MODES: readonly ClusterMode[] = ['regular', 'queue'];

const bench: Bench = {
  title: `n8n: token requests when ${EXECUTIONS} executions start together (regular and queue mode)`,
  async run() {
    const figures: Record<string, number> = {};
    for (const mode of MODES) {
      const emulator = await startEmulator();
      const stampede = new Stampede(emulator, mode);
      try {
        await stampede.start();
        const perCase: Record<string, number> = {};
        for (const entry of STAMPEDE_CASES) {
          const result = await stampede.fire(entry, EXECUTIONS);
          const failed = result.statuses.filter((status) => status !== 200).length;
          if (failed > 0) throw new Error(`${mode}/${entry}: ${failed} executions failed`);
          perCase[`n8n.stampede.${mode}.${entry}.token_requests`] = result.tokenRequests;
        }
        figures[`n8n.stampede.${mode}.token_requests`] = Math.max(...Object.values(perCase));
        Object.assign(figures, perCase);
      } finally {
        await stampede.stop();
        await emulator.close();
      }
    }
    return figures;
  },
};

export default bench;
