// Every text of the editor comes from the node file's message catalogue: each data-i18n key of
// the generated HTML, each this._()/t() key of the scripts and the browser code resolves, and the
// provider texts are the profiles' own. The config dialog applies core's field rules.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getProfile, profiles } from '@switchboard/core';
import type { CredentialValues } from '@switchboard/core';
import { fieldTextKey, operationTextKey, parameterTextKey } from '../src/browser/keys';
import { fieldDefinitions, fieldVerdict, isShown } from '../src/browser/field-rules';
import { editorFiles, NODE_FILES } from '../src/editor';
import type { NodeFile } from '../src/editor';
import { lookUp } from '../src/editor/catalogue';
import { configMeta } from '../src/editor/config-editor';
import { EDITOR_SCRIPT_URL } from '../src/editor/html';

const files = editorFiles([...profiles]);
const nodeFiles = Object.keys(NODE_FILES) as NodeFile[];
const browserDir = join(__dirname, '..', 'src', 'browser');

/** data-i18n keys of an HTML text, without their [attribute] prefixes. */
function i18nKeys(html: string): string[] {
  return [...html.matchAll(/data-i18n="([^"]+)"/g)].flatMap((match) =>
    (match[1] ?? '').split(';').map((key) => key.replace(/^\[[^\]]+\]/, '')),
  );
}

/** Literal keys passed to this._('…') or t('…'). */
function literalKeys(code: string): string[] {
  return [...code.matchAll(/(?:\b_|\bt)\('([^']+)'/g)].map((match) => match[1] ?? '');
}

describe('editor message catalogues', () => {
  it.each(nodeFiles)('%s: every data-i18n and this._() key of the HTML has a text', (file) => {
    const html = files.editor[file];
    const keys = [...i18nKeys(html), ...literalKeys(html)];
    expect(keys.length).toBeGreaterThan(3);
    const missing = keys.filter((key) => lookUp(files.catalogue[file], key) === undefined);
    expect(missing).toEqual([]);
  });

  it("every key the browser code reads literally is in some node file's catalogue", () => {
    const code = readdirSync(browserDir)
      .filter((name) => name.endsWith('.ts'))
      .map((name) => readFileSync(join(browserDir, name), 'utf8'))
      .join('\n');
    const keys = literalKeys(code);
    expect(keys).toEqual(expect.arrayContaining(['test.running', 'token.selectConnection']));
    const missing = keys.filter((key) =>
      nodeFiles.every((file) => lookUp(files.catalogue[file], key) === undefined),
    );
    expect(missing).toEqual([]);
  });

  it('has no English text left inline in the dialog templates', () => {
    for (const file of nodeFiles) {
      const templates = [
        ...files.editor[file].matchAll(/data-template-name[^>]*>([\s\S]*?)<\/script>/g),
      ];
      expect(templates.length).toBeGreaterThan(0);
      for (const [, body = ''] of templates) {
        // Text between tags, once tags and entity-free whitespace are gone, must be empty.
        const text = body.replace(/<[^>]+>/g, ' ').replace(/[\s*]+/g, '');
        expect(text).toBe('');
      }
    }
  });

  it.each(profiles.map((profile) => [profile.id, profile] as const))(
    '%s: labels, placeholders and help of fields, operations and parameters come from the profile',
    (_id, profile) => {
      const config = files.catalogue['switchboard-config'];
      for (const field of profile.fields) {
        expect(lookUp(config, fieldTextKey(profile.id, field.name, 'label'))).toBe(
          field.displayName,
        );
        expect(lookUp(config, fieldTextKey(profile.id, field.name, 'help'))).toBe(
          field.description,
        );
      }
      const api = files.catalogue['switchboard-api'];
      for (const operation of profile.operations) {
        expect(lookUp(api, operationTextKey(profile.id, operation.id, 'label'))).toBe(
          operation.displayName,
        );
        for (const parameter of operation.parameters) {
          expect(
            lookUp(api, parameterTextKey(profile.id, operation.id, parameter.name, 'label')),
          ).toBe(parameter.displayName);
        }
      }
    },
  );

  it('loads the editor bundle from the resources folder Node-RED serves for the package', () => {
    const packageJson = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
      name: string;
      files: string[];
    };
    expect(EDITOR_SCRIPT_URL).toBe(`resources/${packageJson.name}/switchboard-editor.js`);
    expect(packageJson.files).toContain('resources');
    for (const file of nodeFiles) {
      expect(files.editor[file]).toContain(
        `<script type="text/javascript" src="${EDITOR_SCRIPT_URL}">`,
      );
    }
  });
});

describe("config dialog field rules (core's)", () => {
  const mitel = getProfile('mitel-cloudlink');
  const meta = configMeta(mitel);
  const label = (key: string): string =>
    lookUp(files.catalogue['switchboard-config'], key) ?? `missing ${key}`;
  const fields = fieldDefinitions(meta, label);
  const field = (name: string) => {
    const found = fields.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no field ${name}`);
    return found;
  };

  it('hands the browser the profile facts and takes the labels from the catalogue', () => {
    expect(files.editor['switchboard-config']).toContain(JSON.stringify(meta));
    expect(meta.provider).toBe('mitel-cloudlink');
    expect(meta.fields.map((candidate) => candidate.name)).toEqual(mitel.fields.map((f) => f.name));
    expect(field('environment').displayName).toBe('Environment');
  });

  it('shows and requires the custom base URL only for the custom environment, as core does', () => {
    const custom = mitel.fields.find((candidate) => candidate.name === 'customBaseUrl');
    expect(custom?.displayWhen).toEqual({ environment: ['custom'] });
    const production: CredentialValues = { environment: 'production', customBaseUrl: '' };
    expect(isShown(fields, production, field('customBaseUrl'))).toBe(false);
    expect(fieldVerdict(fields, production, field('customBaseUrl'))).toBe(true);
    const customEmpty: CredentialValues = { environment: 'custom', customBaseUrl: '  ' };
    expect(fieldVerdict(fields, customEmpty, field('customBaseUrl'))).toMatch(/ is required$/);
    const notUrl: CredentialValues = { environment: 'custom', customBaseUrl: 'cloudlink.example' };
    expect(fieldVerdict(fields, notUrl, field('customBaseUrl'))).toMatch(/is not a URL/);
    const fine: CredentialValues = { environment: 'custom', customBaseUrl: ' https://x.example ' };
    expect(fieldVerdict(fields, fine, field('customBaseUrl'))).toBe(true);
  });
});
