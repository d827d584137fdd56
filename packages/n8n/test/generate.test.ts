// The per-provider n8n files and package.json's n8n section are generated from the profiles
// (scripts/generate.ts, run by build.mjs): the tree must match, and a new profile must be
// enough to get its files.
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getProfile, profiles } from '@switchboard/core';
import type { ProviderProfile } from '@switchboard/core';
import { PACKAGE_ROOT, outOfDate, plan, write } from '../scripts/generate';
import { providerCredential, providerNode } from './generated-class';

/** A seventh provider named like the n8n convention: `<Stem>`, `<stem>`, `<Stem>Api`. */
function named(profile: ProviderProfile, id: string, stem: string): ProviderProfile {
  const lower = `${stem.charAt(0).toLowerCase()}${stem.slice(1)}`;
  const n8n = {
    nodeClassName: stem,
    nodeName: lower,
    credentialClassName: `${stem}Api`,
    credentialName: `${lower}Api`,
    credentialDisplayName: `${stem} API`,
  };
  return { ...profile, id, platform: { icon: id, n8n } };
}

const seventh = named(getProfile('sangoma-cx'), 'acme-voice', 'AcmeVoice');

/** A package folder with the real manifest and a hand-written trigger beside the profiles. */
function scratchPackage(): string {
  const root = mkdtempSync(join(tmpdir(), 'switchboard-n8n-generate-'));
  mkdirSync(join(root, 'credentials'));
  mkdirSync(join(root, 'nodes', 'AcmeVoiceTrigger'), { recursive: true });
  writeFileSync(
    join(root, 'nodes', 'AcmeVoiceTrigger', 'AcmeVoiceTrigger.node.ts'),
    '// by hand\n',
  );
  writeFileSync(join(root, 'package.json'), readFileSync(join(PACKAGE_ROOT, 'package.json')));
  return root;
}

describe('generated n8n files', () => {
  it('are up to date with the profiles (npm run generate, or the build, updates them)', () => {
    expect(outOfDate(PACKAGE_ROOT, plan(PACKAGE_ROOT, profiles))).toEqual([]);
  });

  it('give a seventh profile its credential, node and package.json entries, keeping hand-written nodes', () => {
    const root = scratchPackage();
    try {
      const all = [...profiles, seventh];
      const wanted = plan(root, all);
      write(root, wanted);
      const credential = readFileSync(
        join(root, 'credentials', 'AcmeVoiceApi.credentials.ts'),
        'utf8',
      );
      expect(credential).toContain(
        "export class AcmeVoiceApi extends providerCredentialType('acme-voice') {}",
      );
      const node = readFileSync(join(root, 'nodes', 'AcmeVoice', 'AcmeVoice.node.ts'), 'utf8');
      expect(node).toContain("export class AcmeVoice extends providerNodeType('acme-voice') {}");
      const section = (
        JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
          n8n: { credentials: string[]; nodes: string[]; strict: boolean };
        }
      ).n8n;
      expect(section.strict).toBe(true);
      expect(section.credentials).toHaveLength(all.length);
      expect(section.credentials.at(-1)).toBe('dist/credentials/AcmeVoiceApi.credentials.js');
      expect(section.nodes.slice(-2)).toEqual([
        'dist/nodes/AcmeVoice/AcmeVoice.node.js',
        'dist/nodes/AcmeVoiceTrigger/AcmeVoiceTrigger.node.js',
      ]);
      expect(outOfDate(root, plan(root, all))).toEqual([]);

      // Dropping the profile again removes its generated files, never the hand-written trigger.
      const fewer = plan(root, profiles);
      expect(fewer.stale.sort()).toEqual([
        'credentials/AcmeVoiceApi.credentials.ts',
        'nodes/AcmeVoice/AcmeVoice.node.ts',
      ]);
      write(root, fewer);
      expect(existsSync(join(root, 'nodes', 'AcmeVoice'))).toBe(false);
      expect(existsSync(join(root, 'nodes', 'AcmeVoiceTrigger', 'AcmeVoiceTrigger.node.ts'))).toBe(
        true,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  for (const profile of profiles) {
    it(`${profile.id}: the classes carry the manifest's names, icons and documentation link`, () => {
      const { n8n, icon } = profile.platform;
      const credential = providerCredential(profile);
      expect(credential.name).toBe(n8n.credentialName);
      expect(credential.displayName).toBe(n8n.credentialDisplayName);
      expect(credential.documentationUrl).toBe(profile.docsUrl);
      expect(credential.icon).toEqual({
        light: `file:../icons/${icon}.svg`,
        dark: `file:../icons/${icon}.dark.svg`,
      });
      expect(credential.test).toBeDefined();
      const { description } = providerNode(profile);
      expect(description.name).toBe(n8n.nodeName);
      expect(description.displayName).toBe(n8n.nodeDisplayName ?? profile.displayName);
      expect(description.defaults.name).toBe(description.displayName);
      expect(description.icon).toEqual({
        light: `file:../../icons/${icon}.svg`,
        dark: `file:../../icons/${icon}.dark.svg`,
      });
      for (const file of [`${icon}.svg`, `${icon}.dark.svg`])
        expect(existsSync(join(PACKAGE_ROOT, 'icons', file))).toBe(true);
    });
  }

  it('keeps the display names users know for the five original providers', () => {
    const shown = (id: string) => providerNode(getProfile(id)).description.displayName;
    expect(shown('mitel-cloudlink')).toBe('Mitel CloudLink');
    expect(shown('dell-cloudlink')).toBe('Dell CloudLink Center');
    expect(shown('bright-pattern')).toBe('Bright Pattern');
    expect(shown('sangoma-cx')).toBe('Sangoma CX');
    expect(shown('generic-oauth2')).toBe('OAuth2 API (Switchboard)');
  });
});
