// Core as users run it: the compiled package (packages/core/dist), not its TypeScript sources
// through tsx, whose per-function wrappers cost core time a prebuilt axios baseline never pays.
// `npm run bench` builds core first (the bench target depends on core's build).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { assertBuilt } from './build-freshness';

const CORE = join(__dirname, '..', '..', '..', '..', 'packages', 'core');

assertBuilt(join(CORE, 'src'), join(CORE, 'dist'), 'npx nx run @switchboard/core:build');

const load = createRequire(__filename);

export const core = load(join(CORE, 'dist')) as typeof import('@switchboard/core');
