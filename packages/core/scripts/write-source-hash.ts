// Run after tsc by `npm run build`: records which sources this dist was compiled from.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_HASH_FILE, sourceHash } from './source-hash';

const root = join(__dirname, '..');
writeFileSync(join(root, 'dist', SOURCE_HASH_FILE), `${sourceHash(join(root, 'src'))}\n`);
