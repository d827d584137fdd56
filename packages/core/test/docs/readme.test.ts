// README.md is published with the package: its provider tables and its error table must say
// what the code does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { profiles } from '../../src/profiles/registry';
import type { ProviderProfile } from '../../src/profiles/types';
import {
  README_PATH,
  README_PATHS,
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

  it.each(README_PATHS)('%s lists the providers the registry has now', (path) => {
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('<!-- generated:');
    expect(normaliseTables(renderReadme(text))).toBe(normaliseTables(text));
  });

  it('gives a provider added to the registry its own section, tables and list rows', () => {
    const seventh: ProviderProfile = {
      ...profiles[3],
      id: 'acme-voice',
      displayName: 'Acme Voice',
      platform: {
        icon: 'acme',
        n8n: {
          nodeClassName: 'AcmeVoice',
          nodeName: 'acmeVoice',
          credentialClassName: 'AcmeVoiceApi',
          credentialName: 'acmeVoiceApi',
          credentialDisplayName: 'Acme Voice API',
        },
      },
    };
    const all = [...profiles, seventh];
    const core = renderReadme(readme, all);
    expect(documentedProviders(core, 'fields')).toEqual(all.map((profile) => profile.id));
    expect(documentedProviders(core, 'operations')).toEqual(all.map((profile) => profile.id));
    expect(core.indexOf('### Acme Voice — `acme-voice`')).toBeLessThan(
      core.indexOf('## Development'),
    );
    expect(normaliseTables(renderReadme(core, all))).toBe(normaliseTables(core));
    const [, root, n8n, nodeRed] = README_PATHS.map((path) =>
      renderReadme(readFileSync(path ?? '', 'utf8'), all),
    );
    expect(root).toMatch(/\| Acme Voice \| `acme-voice` \|/);
    expect(n8n).toContain('| Acme Voice | `acmeVoice` | Acme Voice API | `acmeVoiceApi` |');
    expect(nodeRed).toContain('`switchboard-acme-voice-config`');
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
