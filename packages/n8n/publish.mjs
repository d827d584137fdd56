// Generates publish/: the n8n community package as n8n verifies and npm publishes it, a
// self-contained directory with its own manifest (MIT, no repository.directory, no scripts
// that run on install, no runtime dependencies), n8n's default strict-mode eslint.config.mjs,
// the node and credential sources with the adapter they import (lib/), and the built dist/.
// The workspace folder cannot be that package itself: its lint config extends the monorepo's,
// its tests and build script live beside the sources, and npm workspaces own its manifest.
// Usage: node publish.mjs   (runs build.mjs first; prints the directory)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
export const PUBLISH_DIR = join(root, 'publish');

/** The published manifest: the workspace one, less what only the monorepo needs. */
export function publishManifest(workspace) {
  const core = JSON.parse(readFileSync(join(root, '..', 'core', 'package.json'), 'utf8'));
  return {
    name: workspace.name,
    version: workspace.version,
    description: workspace.description,
    license: 'MIT',
    keywords: workspace.keywords,
    homepage: workspace.homepage,
    author: workspace.author,
    repository: workspace.repository,
    files: ['dist'],
    engines: workspace.engines,
    scripts: { lint: 'n8n-node lint' },
    n8n: workspace.n8n,
    peerDependencies: { 'n8n-workflow': '*' },
    // Only for linting the sources here: core is bundled into dist/shared at build time.
    devDependencies: {
      '@n8n/node-cli': workspace.devDependencies['@n8n/node-cli'],
      '@switchboard/core': core.version,
      'n8n-workflow': workspace.devDependencies['n8n-workflow'],
    },
  };
}

export function generatePublishDir() {
  execFileSync(process.execPath, [join(root, 'build.mjs')], { stdio: 'inherit' });
  const workspace = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  rmSync(PUBLISH_DIR, { recursive: true, force: true });
  mkdirSync(PUBLISH_DIR);
  for (const entry of ['dist', 'nodes', 'credentials', 'lib', 'icons', 'README.md', 'LICENSE']) {
    cpSync(join(root, entry), join(PUBLISH_DIR, entry), { recursive: true });
  }
  writeFileSync(
    join(PUBLISH_DIR, 'package.json'),
    `${JSON.stringify(publishManifest(workspace), null, 2)}\n`,
  );
  // Byte for byte n8n's template: `n8n-node lint` refuses any other config in strict mode.
  writeFileSync(
    join(PUBLISH_DIR, 'eslint.config.mjs'),
    "import { config } from '@n8n/node-cli/eslint';\n\nexport default config;\n",
  );
  // Written as Prettier formats it, so the repository's format check passes with publish/ present.
  writeFileSync(
    join(PUBLISH_DIR, 'tsconfig.json'),
    '{\n  "extends": "../tsconfig.json",\n  "include": ["credentials", "nodes", "lib"]\n}\n',
  );
  return PUBLISH_DIR;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(generatePublishDir());
}
