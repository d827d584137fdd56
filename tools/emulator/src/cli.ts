import { startEmulator } from './emulator';
import { providerModules } from './providers';
import { seedOfEveryProvider } from './control/routes';

interface CliOptions {
  port: number;
  host: string;
  publicUrl?: string;
  callRecords?: number;
}

/** `tsx tools/emulator/src/cli.ts [--port 8787] [--host 127.0.0.1] [--public-url URL] [--call-records N]` */
function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = {
    port: 8787,
    host: '127.0.0.1',
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--help' || flag === '-h') {
      console.log(
        'Usage: switchboard-emulator [--port 8787] [--host 127.0.0.1] [--public-url http://...] [--call-records 5000]',
      );
      process.exit(0);
    }
    if (value === undefined) throw new Error(`${flag ?? ''} needs a value`);
    if (flag === '--port') options.port = Number(value);
    else if (flag === '--host') options.host = value;
    else if (flag === '--public-url') options.publicUrl = value;
    else if (flag === '--call-records') options.callRecords = Number(value);
    else
      throw new Error(
        `unknown option ${flag ?? ''}; use --port, --host, --public-url or --call-records`,
      );
    i++;
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error('--port must be an integer from 0 to 65535');
  }
  return options;
}

async function main(): Promise<void> {
  const emulator = await startEmulator(parseArgs(process.argv.slice(2)));
  console.log(`Switchboard provider emulator listening on ${emulator.url}`);
  for (const provider of providerModules) {
    console.log(`  ${provider.title.padEnd(17)} ${provider.endpoints(emulator.url)}`);
  }
  console.log(
    `  Control API       ${emulator.url}/_control (GET /_control/seed for everything below)`,
  );
  console.log('Seeded (fake) credentials:');
  console.log(JSON.stringify(seedOfEveryProvider(), null, 2));
  const stop = (signal: string) => {
    console.log(`${signal}: stopping the emulator`);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
