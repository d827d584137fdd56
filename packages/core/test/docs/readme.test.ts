// README.md is published with the package: its provider tables and its error table must say
// what the code does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { profiles } from '../../src/profiles/registry';
import {
  README_PATH,
  documentedProviders,
  normaliseTables,
  renderReadme,
} from '../../scripts/provider-docs';

const readme = readFileSync(README_PATH, 'utf8');

/** The members of the ErrorCode union, read from its source. */
function errorCodes(): string[] {
  const source = readFileSync(join(__dirname, '..', '..', 'src', 'errors', 'codes.ts'), 'utf8');
  return [...source.matchAll(/\|\s*'([a-z_]+)'/g)].map((match) => match[1] ?? '');
}

describe('README.md', () => {
  it('has fields and operations tables for every provider', () => {
    const ids = profiles.map((profile) => profile.id);
    expect(documentedProviders(readme, 'fields')).toEqual(ids);
    expect(documentedProviders(readme, 'operations')).toEqual(ids);
  });

  it('lists the fields and operations the profiles have now (npm run docs updates it)', () => {
    expect(normaliseTables(renderReadme(readme))).toBe(normaliseTables(readme));
  });

  it('names every operation id of every profile', () => {
    for (const profile of profiles) {
      for (const operation of profile.operations) expect(readme).toContain(`| \`${operation.id}\``);
    }
  });

  it('explains every error code, and only those', () => {
    const codes = errorCodes();
    expect(codes.length).toBeGreaterThan(20);
    const table = readme.slice(readme.indexOf('## Errors'), readme.indexOf('## Diagnose'));
    const documented = [...table.matchAll(/^\| `([a-z_]+)`/gm)].map((match) => match[1]);
    expect([...documented].sort()).toEqual([...codes].sort());
  });
});
