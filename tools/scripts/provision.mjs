// Installs the system packages the tests and benchmarks need (Redis, Chromium, PostgreSQL) from
// Debian when missing, or stops with one line saying what to run. Imported by `npm test`; run as
// a script before `npm run bench`.
import { execFileSync, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

// Command (or absolute path: Debian keeps PostgreSQL's server binaries off PATH) → package.
const debianPackages = {
  'redis-server': 'redis-server',
  chromium: 'chromium',
  '/usr/lib/postgresql/15/bin/initdb': 'postgresql',
};

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

export function provision() {
  const missing = Object.keys(debianPackages).filter((command) => !has(command));
  if (missing.length === 0) return;
  const packages = missing.map((command) => debianPackages[command]).join(' ');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !has('apt-get')) {
    console.error(
      `Missing ${missing.join(', ')}: run \`sudo apt-get install -y ${packages}\` and retry.`,
    );
    process.exit(1);
  }
  console.log(
    `Installing ${packages} from Debian (Redis, browser and n8n queue-mode tests and benches)...`,
  );
  execFileSync('sh', ['-c', `apt-get update -qq && apt-get install -y -qq ${packages}`], {
    stdio: 'inherit',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) provision();
