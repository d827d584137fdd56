// Bundles the editor code (src/browser) for the browser: one IIFE in resources/, which Node-RED
// serves at resources/<package name>/. Only pure code may go in: a Node.js built-in, or core's
// package entry (which pulls in HTTP clients and stores), fails the build and names the importer.
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'esbuild';

const root = join(__dirname, '..');
export const EDITOR_ENTRY = join(root, 'src', 'browser', 'index.ts');
export const EDITOR_BUNDLE = join(root, 'resources', 'switchboard-editor.js');

const NODE_BUILTINS = new Set(builtinModules);

function isNodeOnly(path: string): boolean {
  return path.startsWith('node:') || NODE_BUILTINS.has(path.split('/')[0] ?? path);
}

/** Refuses Node.js built-ins and core's entry point with a message saying what to import instead. */
export const browserOnlyPlugin: Plugin = {
  name: 'switchboard-browser-only',
  setup(context) {
    context.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (isNodeOnly(args.path)) {
        return {
          errors: [
            {
              text: `"${args.path}" is a Node.js module and cannot run in the Node-RED editor (imported by ${args.importer}). Editor code may import only pure modules.`,
            },
          ],
        };
      }
      if (args.path === '@switchboard/core') {
        return {
          errors: [
            {
              text: `"@switchboard/core" bundles the HTTP client and token stores (imported by ${args.importer}); import the pure module instead, e.g. "@switchboard/core/profiles/values".`,
            },
          ],
        };
      }
      return undefined;
    });
  },
};

export async function bundleEditor(
  entry: string = EDITOR_ENTRY,
  outfile: string = EDITOR_BUNDLE,
): Promise<string[]> {
  // Returns the bundled source files, relative to packages/node-red.
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2019',
    tsconfig: join(root, 'src', 'browser', 'tsconfig.json'),
    plugins: [browserOnlyPlugin],
    metafile: true,
    // Metafile input paths are relative to this: the package folder, wherever the build runs.
    absWorkingDir: root,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}
