// Writes the generated parts of README.md from the provider profiles: each provider's
// connection fields and operations, between `<!-- generated:<provider>:<part> -->` markers.
//   tsx scripts/provider-docs.ts          check only (exit 1 when README.md is out of date)
//   tsx scripts/provider-docs.ts --write  update README.md
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { profiles } from '../src/profiles/registry';
import type { FieldDef, OperationDef, ProviderProfile } from '../src/profiles/types';

export const README_PATH = join(__dirname, '..', 'README.md');

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

/** README text with every generated block replaced by what the profiles say now. */
export function renderReadme(readme: string): string {
  return readme.replace(
    /(<!-- generated:([a-z0-9-]+):([a-z]+) -->\n)[\s\S]*?(<!-- end generated -->)/g,
    (_match, start: string, id: string, part: string, end: string) => {
      const profile = profiles.find((candidate) => candidate.id === id);
      const render = PARTS[part];
      if (profile === undefined || render === undefined) {
        throw new Error(`README.md has a generated block for unknown ${id}:${part}.`);
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
  const current = readFileSync(README_PATH, 'utf8');
  const rendered = renderReadme(current);
  if (process.argv.includes('--write')) {
    // Formatted the way `prettier --write` leaves it, so `format:check` stays green.
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(README_PATH)) ?? {};
    const next = await prettier.format(rendered, { ...options, filepath: README_PATH });
    writeFileSync(README_PATH, next);
    console.log(next === current ? 'README.md is up to date.' : 'README.md updated.');
  } else if (normaliseTables(rendered) !== normaliseTables(current)) {
    console.error('README.md is out of date: run npm run docs -w @switchboard/core.');
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
