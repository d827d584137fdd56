// The n8n demo (`npm run start:n8n`) and its e2e test share this: the emulator, a real n8n with
// the packed package installed as a community package, one credential per provider pointing at
// the emulator, the example workflows of packages/n8n/examples imported (webhook and trigger
// ones published), and the owner account prepared through n8n's REST API.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { providerModules, startEmulator, type Emulator } from '@switchboard/emulator';
import { freePort } from '@switchboard/testkit';
import { providerCases } from '../n8n/fixtures';
import { N8nHome, REPO_ROOT, installN8n, packPackage, type RunningN8n } from '../n8n/harness';
import { RestClient, type Owner } from '../n8n/rest';

export const EXAMPLES_DIR = join(REPO_ROOT, 'packages/n8n/examples');

/** The credentials the examples refer to (by id and name), one per provider case key. */
export const DEMO_CREDENTIALS: Record<string, { id: string; name: string }> = {
  mitel: { id: 'sbExMitel0000001', name: 'Mitel CloudLink (emulator)' },
  dell: { id: 'sbExDell00000001', name: 'Dell CloudLink Center (emulator)' },
  'bright-pattern': { id: 'sbExBright000001', name: 'Bright Pattern (emulator)' },
  sangoma: { id: 'sbExSangoma00001', name: 'Sangoma CX (emulator)' },
  generic: { id: 'sbExGeneric00001', name: 'Generic OAuth2 (emulator)' },
};

/** A provider without a shipped example gets an id and a name from its emulator module. */
function derivedDemoCredential(key: string): { id: string; name: string } {
  const module = providerModules.find((candidate) => candidate.name === key);
  if (module === undefined) throw new Error(`no emulator provider named ${key}`);
  const id = `sbEx${key.replace(/[^A-Za-z0-9]/g, '')}`.padEnd(16, '0').slice(0, 16);
  return { id, name: `${module.title} (emulator)` };
}

export interface ExampleWorkflow {
  file: string;
  id: string;
  name: string;
  active: boolean;
  json: Record<string, unknown>;
}

export function exampleWorkflows(): ExampleWorkflow[] {
  return (
    readdirSync(EXAMPLES_DIR)
      // The ERP examples need a PostgreSQL database and credential: the ERP e2e suite
      // (tools/e2e/n8n/call-records.e2e.ts) runs them against a real one instead.
      .filter((file) => file.endsWith('.json') && !file.startsWith('erp-'))
      .sort()
      .map((file) => {
        const json = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as Record<
          string,
          unknown
        >;
        return {
          file,
          id: String(json.id),
          name: String(json.name),
          active: json.active === true,
          json,
        };
      })
  );
}

export function demoCredentials(emulatorUrl: string): Array<Record<string, unknown>> {
  return providerCases(emulatorUrl).map((entry) => {
    const demo = DEMO_CREDENTIALS[entry.key] ?? derivedDemoCredential(entry.key);
    return { ...demo, type: entry.credentialType, data: { ...entry.credential, accessToken: '' } };
  });
}

/** Imports the credentials and examples into an n8n home and publishes the active ones. */
export async function prepareHome(home: N8nHome, emulatorUrl: string): Promise<ExampleWorkflow[]> {
  await home.importJson('credentials', demoCredentials(emulatorUrl));
  const examples = exampleWorkflows();
  for (const example of examples) {
    // Imported inactive; published afterwards, as n8n 2 activates workflows.
    await home.importJson('workflow', { ...example.json, active: false });
    if (example.active) await home.mustRun(['publish:workflow', `--id=${example.id}`]);
  }
  return examples;
}

/** The Webhook-node paths of these workflows. */
function webhookPaths(examples: ExampleWorkflow[]): string[] {
  return examples.flatMap((example) =>
    (example.json.nodes as Array<{ type: string; parameters: { path?: string } }>)
      .filter((node) => node.type === 'n8n-nodes-base.webhook')
      .map((node) => node.parameters.path ?? ''),
  );
}

/**
 * Waits until n8n serves the examples' webhooks: it can answer 404 for a moment after logging
 * the activation. A CORS preflight (OPTIONS with an Origin) tells a registered path from an
 * unknown one without running the workflow; without an Origin n8n answers 204 for any path.
 */
async function webhooksAnswer(baseUrl: string, examples: ExampleWorkflow[]): Promise<void> {
  for (const path of webhookPaths(examples)) {
    let status = 404;
    for (let attempt = 0; attempt < 300 && status === 404; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 200));
      const response = await fetch(`${baseUrl}/webhook/${path}`, {
        method: 'OPTIONS',
        headers: { origin: baseUrl, 'access-control-request-method': 'POST' },
      });
      status = response.status;
    }
    if (status === 404) throw new Error(`n8n does not serve the webhook /webhook/${path}`);
  }
}

/**
 * Waits until each CloudLink Trigger of these workflows has its subscription at the emulator
 * (n8n creates it while activating, after it reports ready).
 */
async function triggersSubscribed(emulator: Emulator, examples: ExampleWorkflow[]): Promise<void> {
  const webhookIds = examples.flatMap((example) =>
    (example.json.nodes as Array<{ type: string; webhookId?: string }>)
      .filter((node) => node.type.endsWith('.mitelCloudLinkTrigger'))
      .map((node) => node.webhookId ?? ''),
  );
  const subscribed = (webhookId: string): boolean =>
    emulator.control
      .listSubscriptions()
      .some((subscription) => String(subscription.deviceId).includes(webhookId));
  for (let attempt = 0; attempt < 300; attempt++) {
    if (webhookIds.every(subscribed)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('n8n did not activate the CloudLink Trigger example (no subscription)');
}

export interface Demo {
  emulator: Emulator;
  home: N8nHome;
  n8n: RunningN8n;
  owner: Owner;
  /** Signed in as the owner. */
  rest: RestClient;
  examples: ExampleWorkflow[];
  stop(): Promise<void>;
}

export interface DemoOptions {
  n8nPort?: number;
  emulatorPort?: number;
  say?: (line: string) => void;
  /** Runs after the examples are imported and before n8n starts (the e2e runs CLI checks). */
  beforeStart?: (home: N8nHome, examples: ExampleWorkflow[], emulator: Emulator) => Promise<void>;
}

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const say = options.say ?? (() => undefined);
  const running: { emulator?: Emulator; home?: N8nHome; n8n?: RunningN8n } = {};
  const stop = async (): Promise<void> => {
    await running.n8n?.stop();
    await running.emulator?.close();
    running.home?.remove();
  };
  try {
    say('Installing n8n 2.41 into ~/.cache/switchboard (minutes the first time)...');
    const n8nDir = installN8n();
    running.emulator = await startEmulator(
      options.emulatorPort === undefined ? {} : { port: options.emulatorPort },
    );
    say('Building and packing @switchboard/n8n-nodes-switchboard...');
    const packDir = join(REPO_ROOT, '.switchboard', 'pack');
    mkdirSync(packDir, { recursive: true });
    const home = new N8nHome(n8nDir, packPackage(packDir));
    running.home = home;
    say('Importing credentials and example workflows...');
    const examples = await prepareHome(home, running.emulator.url);
    await options.beforeStart?.(home, examples, running.emulator);
    say('Starting n8n...');
    running.n8n = await home.start(options.n8nPort ?? (await freePort()));
    const rest = new RestClient(running.n8n.url);
    await rest.setupOwner();
    // n8n activates published workflows after it reports ready: the webhook and the trigger
    // must be live before the demo says so.
    say('Activating the webhook and trigger workflows...');
    const active = examples.filter((example) => example.active);
    await rest.waitForActive(active.map((example) => example.id));
    await webhooksAnswer(running.n8n.url, active);
    await triggersSubscribed(running.emulator, active);
    return {
      emulator: running.emulator,
      home,
      n8n: running.n8n,
      owner: rest.owner,
      rest,
      examples,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
