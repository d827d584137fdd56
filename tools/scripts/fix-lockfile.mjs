// The npm registry reachable here lacks other platforms' native binaries (darwin, win32, musl
// builds of nx and unrs-resolver). `npm install` then leaves them out of package-lock.json,
// and `npm ci` refuses the lockfile as "out of sync". This adds the entries a normal lockfile
// has — optional, with their os / cpu / libc — so `npm ci` skips them on this platform.
// Run after any `npm install` that changes the lockfile: `node tools/scripts/fix-lockfile.mjs`;
// `--check` only reports (npm test runs it so a lockfile npm ci would refuse never lands).
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;

const osNames = ['darwin', 'win32', 'freebsd', 'android', 'openharmony', 'linux'];
const cpuNames = {
  x64: 'x64',
  arm64: 'arm64',
  arm: 'arm',
  ia32: 'ia32',
  loong64: 'loong64',
  ppc64: 'ppc64',
  riscv64: 'riscv64',
  s390x: 's390x',
};

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((part) => osNames.includes(part));
  const cpu = parts.find((part) => part in cpuNames);
  if (!os || !cpu) return undefined;
  const libc = parts.some((part) => part.startsWith('musl'))
    ? 'musl'
    : parts.some((part) => part.startsWith('gnu'))
      ? 'glibc'
      : undefined;
  return { os: [os], cpu: [cpuNames[cpu]], ...(libc && os === 'linux' ? { libc: [libc] } : {}) };
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const at = `${path ? `${path}/` : ''}node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (packages[at] || packages[hoisted]) continue;
    const platform = platformOf(name);
    if (!platform || !/^\d+\.\d+\.\d+/.test(version)) continue;
    packages[hoisted] = { version, optional: true, ...platform };
    added += 1;
  }
}

if (process.argv.includes('--check')) {
  if (added > 0) {
    console.error(
      `package-lock.json lacks ${added} platform-specific optional entries, so npm ci would refuse it: run \`node tools/scripts/fix-lockfile.mjs\`.`,
    );
    process.exit(1);
  }
  process.exit(0);
}

const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`fix-lockfile: ${added} platform-specific optional entries added`);
