// Writes the generated parts of the READMEs from the provider profiles, between
// `<!-- generated:<provider>:<part> -->` / `<!-- generated:providers:<list> -->` and
// `<!-- end generated -->` markers: in core's README each provider's connection fields and
// operations (a provider without a section gets one, before `## Development`); in the root,
// n8n and Node-RED READMEs the tables listing every provider.
//   tsx scripts/provider-docs.ts          check only (exit 1 when a README is out of date)
//   tsx scripts/provider-docs.ts --write  update the READMEs
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { profiles } from '../src/profiles/registry';
import type { GrantType } from '../src/oauth/types';
import type { FieldDef, OperationDef, ProviderProfile } from '../src/profiles/types';

export const README_PATH = join(__dirname, '..', 'README.md');
const REPOSITORY = join(__dirname, '..', '..', '..');
/** Every README with generated provider tables. */
export const README_PATHS = [
  README_PATH,
  join(REPOSITORY, 'README.md'),
  join(REPOSITORY, 'packages', 'n8n', 'README.md'),
  join(REPOSITORY, 'packages', 'node-red', 'README.md'),
];

/** Table cells must not break the table. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

function fieldNote(field: FieldDef): string {
  const notes: string[] = [];
  if (field.required === true) notes.push(field.displayWhen ? 'required when shown' : 'required');
  if (field.secret === true) notes.push('secret');
  if (field.advanced === true) notes.push('advanced');
  if (field.default !== undefined && field.default !== '' && field.secret !== true) {
    notes.push(
      `default \`${Array.isArray(field.default) ? field.default.join(' ') : String(field.default)}\``,
    );
  }
  if (field.displayWhen) {
    const when = Object.entries(field.displayWhen)
      .map(([name, values]) => `${name} = ${values.map(String).join(' / ')}`)
      .join(', ');
    notes.push(`shown when ${when}`);
  }
  return notes.join('; ');
}

function fieldText(field: FieldDef): string {
  const options = field.options?.filter((option) => option.value !== '');
  const choices =
    options && options.length > 0 && field.allowCustomValues !== true
      ? ` One of: ${options.map((option) => `\`${option.value}\``).join(', ')}.`
      : '';
  const description = field.description ?? '';
  const sentence =
    description === '' || /[.!?]$/.test(description) ? description : `${description}.`;
  return `${sentence}${choices}`.trim();
}

export function fieldsTable(profile: ProviderProfile): string {
  const rows = profile.fields.map(
    (field) =>
      `| \`${field.name}\` | ${cell(field.displayName)} | ${cell(fieldNote(field))} | ${cell(fieldText(field))} |`,
  );
  return ['| field | label | notes | what it is |', '| --- | --- | --- | --- |', ...rows].join(
    '\n',
  );
}

function parameterList(operation: OperationDef): string {
  return operation.parameters
    .map((parameter) =>
      parameter.required === true ? `**\`${parameter.name}\`**` : `\`${parameter.name}\``,
    )
    .join(', ');
}

function requestText(operation: OperationDef): string {
  if (operation.custom === true) return 'any method and path';
  const service = operation.service === undefined ? '' : `${operation.service} `;
  return `${operation.method} ${service}\`${operation.path}\``;
}

function operationNote(operation: OperationDef): string {
  const notes: string[] = [];
  if ((operation.pagination?.style ?? 'none') !== 'none') notes.push('paged');
  if (operation.requiredScope !== undefined) notes.push(`scope \`${operation.requiredScope}\``);
  return notes.join('; ');
}

export function operationsTable(profile: ProviderProfile): string {
  const rows = profile.operations.map(
    (operation) =>
      `| \`${operation.id}\` | ${requestText(operation)} | ${cell(operation.description)} | ${parameterList(operation)} | ${operationNote(operation)} |`,
  );
  return [
    '| operation | request | what it does | parameters (required in bold) | notes |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

const PARTS: Record<string, (profile: ProviderProfile) => string> = {
  fields: fieldsTable,
  operations: operationsTable,
};

const GRANT_NAMES: Record<GrantType, string> = {
  client_credentials: 'client credentials',
  authorization_code: 'authorization code',
  password: 'password',
  refresh_token: 'refresh token',
  account_credentials: 'account credentials (server-to-server)',
};

/** The root README's overview: what each provider signs in with and what it offers. */
export function summaryTable(all: readonly ProviderProfile[]): string {
  const rows = all.map((profile) => {
    const grants = profile.token.grants.map((grant) => GRANT_NAMES[grant]);
    if (profile.token.supportsRefresh && !profile.token.grants.includes('refresh_token'))
      grants.push(GRANT_NAMES.refresh_token);
    if (profile.token.assumeRole !== undefined) grants.push('assume role');
    const resources = profile.resources.map((resource) => resource.name.toLowerCase());
    return `| ${cell(profile.displayName)} | \`${profile.id}\` | ${grants.join(', ')} | ${cell(resources.join(', '))} |`;
  });
  return ['| Provider | id | Grants | Resources |', '| --- | --- | --- | --- |', ...rows].join(
    '\n',
  );
}

/** The n8n README's names: saved in users' workflows, so they never change. */
export function n8nTable(all: readonly ProviderProfile[]): string {
  const rows = all.map(({ platform: { n8n }, displayName }) => {
    const node = n8n.nodeDisplayName ?? displayName;
    return `| ${cell(node)} | \`${n8n.nodeName}\` | ${cell(n8n.credentialDisplayName)} | \`${n8n.credentialName}\` |`;
  });
  return [
    '| Node | node type | Credential | credential type |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The Node-RED README's list: one connection (config) node and one API node per provider. */
export function nodeRedTable(all: readonly ProviderProfile[]): string {
  const rows = all.map(
    (profile) =>
      `| ${cell(profile.displayName)} | \`switchboard-${profile.id}-config\` | \`switchboard-${profile.id}\` |`,
  );
  return ['| Provider | connection node | API node |', '| --- | --- | --- |', ...rows].join('\n');
}

const LISTS: Record<string, (all: readonly ProviderProfile[]) => string> = {
  summary: summaryTable,
  n8n: n8nTable,
  'node-red': nodeRedTable,
};

/** A new provider's section in core's README: its heading and its two generated blocks. */
function providerSection(profile: ProviderProfile): string {
  const block = (part: string) =>
    `<!-- generated:${profile.id}:${part} -->\n\n${PARTS[part]?.(profile) ?? ''}\n\n<!-- end generated -->`;
  return [
    `### ${profile.displayName} — \`${profile.id}\``,
    `${profile.description} Documentation: ${profile.docsUrl}`,
    block('fields'),
    block('operations'),
  ].join('\n\n');
}

/** Core's README gains a section for every profile that has none, before `## Development`. */
function withMissingSections(readme: string, all: readonly ProviderProfile[]): string {
  if (!readme.includes('<!-- generated:') || documentedProviders(readme, 'fields').length === 0)
    return readme;
  const documented = new Set(documentedProviders(readme, 'fields'));
  const missing = all.filter((profile) => !documented.has(profile.id));
  const at = readme.indexOf('\n## Development');
  if (missing.length === 0 || at < 0) return readme;
  const sections = missing.map((profile) => `${providerSection(profile)}\n`).join('\n');
  return `${readme.slice(0, at + 1)}${sections}\n${readme.slice(at + 1)}`;
}

/** README text with every generated block replaced by what the profiles say now. */
export function renderReadme(readme: string, all: readonly ProviderProfile[] = profiles): string {
  return withMissingSections(readme, all).replace(
    /(<!-- generated:([a-z0-9-]+):([a-z0-9-]+) -->\n)[\s\S]*?(<!-- end generated -->)/g,
    (_match, start: string, id: string, part: string, end: string) => {
      const list = id === 'providers' ? LISTS[part] : undefined;
      if (list !== undefined) return `${start}\n${list(all)}\n\n${end}`;
      const profile = all.find((candidate) => candidate.id === id);
      const render = PARTS[part];
      if (profile === undefined || render === undefined) {
        throw new Error(`A README has a generated block for unknown ${id}:${part}.`);
      }
      return `${start}\n${render(profile)}\n\n${end}`;
    },
  );
}

/**
 * The text with table padding and blank lines folded away: what Prettier changes when it
 * aligns the generated tables, so a check can compare without running Prettier.
 */
export function normaliseTables(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) =>
      line.startsWith('|') ? line.replace(/\s*\|\s*/g, '|').replace(/-{3,}/g, '---') : line,
    )
    .join('\n');
}

/** Which providers have a generated block for `part` in the README. */
export function documentedProviders(readme: string, part: string): string[] {
  return [...readme.matchAll(new RegExp(`<!-- generated:([a-z0-9-]+):${part} -->`, 'g'))].map(
    (match) => match[1] ?? '',
  );
}

async function main(): Promise<void> {
  for (const path of README_PATHS) {
    const current = readFileSync(path, 'utf8');
    const rendered = renderReadme(current);
    if (process.argv.includes('--write')) {
      // Formatted the way `prettier --write` leaves it, so `format:check` stays green.
      const prettier = await import('prettier');
      const options = (await prettier.resolveConfig(path)) ?? {};
      const next = await prettier.format(rendered, { ...options, filepath: path });
      writeFileSync(path, next);
      console.log(`${path}: ${next === current ? 'up to date' : 'updated'}.`);
    } else if (normaliseTables(rendered) !== normaliseTables(current)) {
      console.error(`${path} is out of date: run npm run docs -w @switchboard/core.`);
      process.exitCode = 1;
    }
  }
}

if (require.main === module) void main();
