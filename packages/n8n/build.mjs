// Builds dist/ (after scripts/generate.ts has written the per-provider files): one CommonJS file per credential and node, and dist/shared/switchboard.js with
// the adapter (lib/) and the pure parts of @switchboard/core bundled in, which every entry
// file requires (the package has no runtime dependencies); plus the icons.
// Then checks the output for what n8n's cloud rules forbid: timers, process, globalThis and
// Node modules or packages other than n8n-workflow.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
// The per-provider credential and node files and package.json's n8n section come from the
// profiles: bring them up to date before building them.
execFileSync(
  join(root, '..', '..', 'node_modules', '.bin', 'tsx'),
  ['scripts/generate.ts', '--write'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
const coreSrc = join(root, '..', 'core', 'src') + sep;
const dist = join(root, 'dist');

const entryPoints = [
  ...readdirSync(join(root, 'credentials'))
    .filter((file) => file.endsWith('.credentials.ts'))
    .map((file) => join('credentials', file)),
  ...readdirSync(join(root, 'nodes')).flatMap((dir) =>
    readdirSync(join(root, 'nodes', dir))
      .filter((file) => file.endsWith('.node.ts'))
      .map((file) => join('nodes', dir, file)),
  ),
];

// Core's modules have no top-level side effects, so esbuild may drop every module this
// package does not use (the axios transport, Redis and file stores, the token manager).
const coreIsPure = {
  name: 'core-is-pure',
  setup(builder) {
    builder.onResolve({ filter: /^@switchboard\/core(\/.*)?$/ }, (args) => ({
      path: join(coreSrc, `${args.path.slice('@switchboard/core/'.length) || 'index'}.ts`),
      sideEffects: false,
    }));
    builder.onResolve({ filter: /^\./ }, async (args) => {
      if (!args.importer.startsWith(coreSrc) || args.pluginData === 'inner') return undefined;
      const resolved = await builder.resolve(args.path, {
        importer: args.importer,
        resolveDir: args.resolveDir,
        kind: args.kind,
        pluginData: 'inner',
      });
      return resolved.errors.length > 0 ? undefined : { path: resolved.path, sideEffects: false };
    });
  },
};

const SHARED = join(dist, 'shared', 'switchboard.js');

// In entry files, lib/ and core resolve to the shared bundle, required relative to the entry.
const useShared = {
  name: 'use-shared',
  setup(builder) {
    builder.onResolve({ filter: /(^@switchboard\/core$)|(\/lib(\/[a-z-]+)?$)/ }, (args) => {
      const entryOut = join(dist, relative(root, dirname(args.importer)));
      const path = relative(entryOut, SHARED);
      return { path: path.startsWith('.') ? path : `./${path}`, external: true };
    });
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'es2022',
  external: ['n8n-workflow'],
  treeShaking: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
};

rmSync(dist, { recursive: true, force: true });
const shared = await build({
  ...common,
  entryPoints: [join(root, 'lib', 'index.ts')],
  outfile: SHARED,
  plugins: [coreIsPure],
});
const entries = await build({
  ...common,
  entryPoints,
  outdir: dist,
  outbase: root,
  plugins: [useShared],
});
const result = {
  metafile: { outputs: { ...shared.metafile.outputs, ...entries.metafile.outputs } },
};
cpSync(join(root, 'icons'), join(dist, 'icons'), { recursive: true });

const forbidden = [
  [/\bsetTimeout\b|\bsetInterval\b|\bsetImmediate\b/, 'a timer'],
  [/\bprocess\.|\bprocess\[/, 'process'],
  [/\bglobalThis\b/, 'globalThis'],
  // n8n allows crypto in community nodes (its lint allow-list); nothing else may be required
  // but the shared bundle.
  [
    /require\((?!"(n8n-workflow|node:crypto|crypto|(\.\.?\/)+shared\/switchboard\.js)"\))[^)]*\)/,
    'a require() other than n8n-workflow, crypto or the shared bundle',
  ],
];
const problems = [];
for (const output of Object.keys(result.metafile.outputs)) {
  const text = readFileSync(join(root, output), 'utf8');
  for (const [pattern, what] of forbidden) {
    const match = pattern.exec(text);
    if (match) problems.push(`${relative(root, join(root, output))} contains ${what}: ${match[0]}`);
  }
}
if (problems.length > 0) {
  console.error(`dist/ is not safe for n8n:\n${problems.join('\n')}`);
  process.exit(1);
}
const bytes = Object.values(result.metafile.outputs).reduce((sum, out) => sum + out.bytes, 0);
console.log(
  `built ${entryPoints.length} entry files and the shared bundle into dist/ (${Math.round(bytes / 1024)} KiB)`,
);
