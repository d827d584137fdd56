// `npm start`: builds and packs the palette, starts the emulator and a real Node-RED (user
// directory in .switchboard/, fresh each time), installs the palette through the editor's
// upload API, deploys the example flows against the emulator and says what to try.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator } from '@switchboard/emulator';
import type { Emulator } from '@switchboard/emulator';
import { deployFlows } from '../node-red/admin-api';
import { REPO_ROOT, startNodeRed } from '../node-red/node-red-instance';
import type { NodeRedInstance } from '../node-red/node-red-instance';
import { installTarball, packTarball } from '../node-red/palette';
import { exampleFlows } from './example-flows';

const WORK_DIR = join(REPO_ROOT, '.switchboard');
const NODE_RED_PORT = Number(process.env.NODE_RED_PORT ?? 1880);
const EMULATOR_PORT = Number(process.env.SWITCHBOARD_EMULATOR_PORT ?? 8787);

function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function instructions(nodeRed: string, emulator: string): string {
  return `
Switchboard is running.

  Node-RED editor   ${nodeRed}
  Provider emulator ${emulator}  (Mitel CloudLink, Dell CloudLink Center, Bright Pattern, Sangoma CX, generic OAuth2)

Try:
  1. Open the editor. Each tab is one example flow; click the inject node's button on
     "List CloudLink users" or "Call history to CSV" and watch the debug sidebar and node statuses.
  2. Open a connection (double-click an API node, then the pencil next to Connection) and press
     "Test connection". Change the client secret and test again to see the explanation.
  3. Click-to-call through Sangoma CX from an HTTP endpoint:
       curl -s -X POST ${nodeRed}/click-to-call -H 'content-type: application/json' \\
         -d '{"agent":"alice","destination":"+15550100"}'
  4. Make the emulator send a CloudLink "call completed" notification to the notifications node:
       curl -s -X POST ${emulator}/_control/notifications -H 'content-type: application/json' -d '{}'
  5. For production: point a connection at the real provider (environment, client id, secret).

Node-RED's user directory is ${join(WORK_DIR, 'node-red')} (recreated on every npm start).
Press Ctrl+C to stop.
`;
}

async function main(): Promise<void> {
  rmSync(join(WORK_DIR, 'node-red'), { recursive: true, force: true });
  mkdirSync(join(WORK_DIR, 'pack'), { recursive: true });
  say('Building and packing @switchboard/node-red-switchboard...');
  const tarball = packTarball(join(WORK_DIR, 'pack'));
  const running: { emulator?: Emulator; nodeRed?: NodeRedInstance } = {};
  const stop = async (): Promise<void> => {
    say('\nStopping...');
    await running.nodeRed?.stop();
    await running.emulator?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

  const emulator = await startEmulator({ port: EMULATOR_PORT }).catch((error: Error) => {
    throw new Error(
      `The emulator could not listen on port ${EMULATOR_PORT} (${error.message}): set SWITCHBOARD_EMULATOR_PORT to a free port.`,
    );
  });
  running.emulator = emulator;
  say(
    `Starting Node-RED on port ${NODE_RED_PORT} (the first start installs Node-RED 5 into ~/.cache/switchboard)...`,
  );
  const userDir = join(WORK_DIR, 'node-red');
  const nodeRed = await startNodeRed({
    userDir,
    port: NODE_RED_PORT,
    credentialSecret: 'switchboard-npm-start',
  });
  running.nodeRed = nodeRed;
  say('Installing the palette through the editor’s upload...');
  await installTarball(nodeRed.url, tarball);
  await deployFlows(
    nodeRed.url,
    exampleFlows({
      emulatorUrl: emulator.url,
      nodeRedUrl: nodeRed.url,
      tokenDir: userDir,
      encryptionKey: 'switchboard-npm-start-token-key',
    }),
  );
  say(instructions(nodeRed.url, emulator.url));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `npm start failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
