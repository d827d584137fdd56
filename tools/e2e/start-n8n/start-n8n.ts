// `npm run start:n8n`: the emulator and a real n8n with the package installed, a credential for
// every provider pointing at the emulator, the example workflows imported and the owner
// account prepared; prints the URL and the login. Ctrl+C stops both and removes n8n's folder.
import { startDemo, type Demo } from './demo';

const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const EMULATOR_PORT = Number(process.env.SWITCHBOARD_EMULATOR_PORT ?? 8787);

function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function instructions(demo: Demo): string {
  const url = demo.n8n.url;
  const workflows = demo.examples
    .map((example) => `    ${example.name}${example.active ? '  (active)' : ''}`)
    .join('\n');
  return `
Switchboard for n8n is running.

  n8n editor         ${url}
  Sign in as         ${demo.owner.email}
  Password           ${demo.owner.password}
  Provider emulator  ${demo.emulator.url}

Example workflows (also in packages/n8n/examples/, importable by hand):
${workflows}

Try:
  1. Open the editor, sign in, open "Mitel: list every user of the account" and press
     "Execute workflow": 55 users from the emulator.
  2. Click-to-call through Sangoma CX:
       curl -s -X POST ${url}/webhook/click-to-call -H 'content-type: application/json' \\
         -d '{"agent":"alice","destination":"+15550100"}'
  3. Make the emulator send a CloudLink "call completed" notification to the trigger:
       curl -s -X POST ${demo.emulator.url}/_control/notifications -H 'content-type: application/json' -d '{}'
     then see the execution under Executions.
  4. Open a credential (Overview › Credentials), press "Test", change the secret, test again.

n8n's user folder is ${demo.home.root} (removed when you stop).
Press Ctrl+C to stop.
`;
}

async function main(): Promise<void> {
  const state: { demo?: Demo; stopping: boolean } = { stopping: false };
  const stop = async (): Promise<void> => {
    if (state.stopping) return;
    state.stopping = true;
    say('\nStopping n8n and the emulator...');
    // Still starting: startDemo cleans up after itself when the n8n it starts goes away.
    if (state.demo === undefined) return;
    await state.demo.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  try {
    state.demo = await startDemo({ n8nPort: N8N_PORT, emulatorPort: EMULATOR_PORT, say });
  } catch (error) {
    if (state.stopping) process.exit(0);
    throw error;
  }
  if (state.stopping) {
    await state.demo.stop();
    process.exit(0);
  }
  say(instructions(state.demo));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `npm run start:n8n failed: ${error instanceof Error ? error.message : String(error)}\n` +
      'Set N8N_PORT or SWITCHBOARD_EMULATOR_PORT if a port is taken.\n',
  );
  process.exit(1);
});
