// The editor bundle (resources/switchboard-editor.js): built from src/browser and core's pure
// profile modules only; a Node.js module or core's entry point fails the build.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { bundleEditor } from '../scripts/editor-bundle';

const work = mkdtempSync(join(tmpdir(), 'switchboard-editor-bundle-'));
const repo = join(__dirname, '..', '..', '..');

function entryImporting(name: string, source: string): string {
  const entry = join(__dirname, '..', 'src', 'browser', `.${name}.test-entry.ts`);
  writeFileSync(entry, source);
  return entry;
}

describe('editor bundle', () => {
  it('holds only browser code and core profile rules, as one browser script', async () => {
    const outfile = join(work, 'switchboard-editor.js');
    const inputs = await bundleEditor(undefined, outfile);
    const files = inputs.map((input) => relative(repo, join(__dirname, '..', input)));
    expect(files).toContain('packages/core/src/profiles/values.ts');
    expect(files).toContain('packages/core/src/profiles/validate.ts');
    for (const file of files) {
      expect(file).toMatch(/^packages\/(node-red\/src\/browser|core\/src\/(profiles|errors))\//);
    }
    const code = readFileSync(outfile, 'utf8');
    expect(code).toMatch(/^"use strict";\n\(\(\) => \{/);
    expect(code).toContain('window.SwitchboardEditor =');
    expect(code).not.toMatch(/\brequire\(|\bprocess\.|\bBuffer\b/);
  });

  it('fails when editor code imports a Node.js module, naming module and importer', async () => {
    const entry = entryImporting(
      'node',
      "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
    );
    try {
      await expect(bundleEditor(entry, join(work, 'node.js'))).rejects.toThrow(
        /"node:fs" is a Node\.js module and cannot run in the Node-RED editor \(imported by .*\.node\.test-entry\.ts\)/,
      );
    } finally {
      rmSync(entry);
    }
  });

  it.each(['fs', 'crypto'])('fails on the bare built-in "%s" too', async (name) => {
    const entry = entryImporting(name, `import * as m from '${name}';\nexport const used = m;\n`);
    try {
      await expect(bundleEditor(entry, join(work, `${name}.js`))).rejects.toThrow(
        `"${name}" is a Node.js module`,
      );
    } finally {
      rmSync(entry);
    }
  });

  it("fails when editor code imports core's entry point instead of a pure module", async () => {
    const entry = entryImporting(
      'core',
      "import { profiles } from '@switchboard/core';\nexport const all = profiles;\n",
    );
    try {
      await expect(bundleEditor(entry, join(work, 'core.js'))).rejects.toThrow(
        /import the pure module instead/,
      );
    } finally {
      rmSync(entry);
    }
  });
});
