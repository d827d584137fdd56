/**
 * A small OData `$filter` subset: comparisons (`eq ne gt ge lt le`), `contains`, `startswith`
 * and `endswith` on string fields, joined by `and` / `or` (and binds tighter), with parentheses.
 * Example: `contains(principal,'abc') and direction eq 'inbound'`. Date fields compare as
 * instants, against an OData date-time literal (`createdOn ge 2026-10-01T00:00:00Z`) or a
 * quoted one (`endTime lt '2026-10-02T00:00:00.000Z'`).
 */
export type Row = Record<string, unknown>;
export type Predicate = (row: Row) => boolean;

export class FilterError extends Error {}

type Token = {
  kind: 'word' | 'string' | 'number' | 'datetime' | '(' | ')' | ',';
  value: string;
};

const TOKEN =
  /\s*(?:(\()|(\))|(,)|'((?:[^']|'')*)'|(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))|(-?\d+(?:\.\d+)?)(?![\w-])|([A-Za-z_][\w.:-]*))/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match)
      throw new FilterError(
        `cannot read $filter at position ${start}: "${text.slice(start, start + 20)}"`,
      );
    if (match[1]) tokens.push({ kind: '(', value: '(' });
    else if (match[2]) tokens.push({ kind: ')', value: ')' });
    else if (match[3]) tokens.push({ kind: ',', value: ',' });
    else if (match[4] !== undefined)
      tokens.push({ kind: 'string', value: match[4].replace(/''/g, "'") });
    else if (match[5] !== undefined) tokens.push({ kind: 'datetime', value: match[5] });
    else if (match[6] !== undefined) tokens.push({ kind: 'number', value: match[6] });
    else tokens.push({ kind: 'word', value: match[7] as string });
  }
  return tokens;
}

const COMPARISONS: Record<
  string,
  (a: string | number | boolean, b: string | number | boolean) => boolean
> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  gt: (a, b) => a > b,
  ge: (a, b) => a >= b,
  lt: (a, b) => a < b,
  le: (a, b) => a <= b,
};

const FUNCTIONS: Record<string, (field: string, value: string) => boolean> = {
  contains: (field, value) => field.includes(value),
  startswith: (field, value) => field.startsWith(value),
  endswith: (field, value) => field.endsWith(value),
};

/** Compiles `$filter` over rows whose fields are `fields`; throws FilterError saying what is wrong. */
export function compileFilter(
  text: string,
  fields: readonly string[],
  dateFields: readonly string[] = [],
): Predicate {
  const tokens = tokenize(text);
  let position = 0;
  const peek = () => tokens[position];
  const next = (): Token => {
    const token = tokens[position++];
    if (!token) throw new FilterError('$filter ends too early');
    return token;
  };
  const expect = (kind: Token['kind']) => {
    const token = next();
    if (token.kind !== kind)
      throw new FilterError(`$filter: expected "${kind}" but found "${token.value}"`);
    return token;
  };
  const field = (name: string) => {
    if (!fields.includes(name))
      throw new FilterError(`$filter: unknown field "${name}"; known: ${fields.join(', ')}`);
    return name;
  };
  const literal = (): string | number | boolean => {
    const token = next();
    if (token.kind === 'string' || token.kind === 'datetime') return token.value;
    if (token.kind === 'number') return Number(token.value);
    if (token.kind === 'word' && (token.value === 'true' || token.value === 'false'))
      return token.value === 'true';
    throw new FilterError(
      `$filter: expected a value but found "${token.value}" (quote strings with ')`,
    );
  };

  const primary = (): Predicate => {
    const token = next();
    if (token.kind === '(') {
      const inner = orExpr();
      expect(')');
      return inner;
    }
    if (token.kind === 'word' && token.value.toLowerCase() === 'not') {
      const inner = primary();
      return (row) => !inner(row);
    }
    if (token.kind !== 'word') throw new FilterError(`$filter: unexpected "${token.value}"`);
    const fn = FUNCTIONS[token.value.toLowerCase()];
    if (fn && peek()?.kind === '(') {
      expect('(');
      const name = field(expect('word').value);
      expect(',');
      const value = literal();
      expect(')');
      if (typeof value !== 'string')
        throw new FilterError(`$filter: ${token.value}() needs a quoted string`);
      return (row) => typeof row[name] === 'string' && fn(row[name], value);
    }
    const name = field(token.value);
    const op = next();
    const compare = COMPARISONS[op.value.toLowerCase()];
    if (op.kind !== 'word' || !compare) {
      throw new FilterError(
        `$filter: expected eq, ne, gt, ge, lt or le after ${name}, found "${op.value}"`,
      );
    }
    const value = literal();
    if (dateFields.includes(name)) {
      const instant = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      if (Number.isNaN(instant))
        throw new FilterError(
          `$filter: ${name} is a date-time; compare it with one such as 2026-10-01T00:00:00Z`,
        );
      return (row) => {
        const actual = typeof row[name] === 'string' ? Date.parse(row[name]) : Number.NaN;
        return !Number.isNaN(actual) && compare(actual, instant);
      };
    }
    return (row) => {
      const actual = row[name];
      return (
        (typeof actual === 'string' || typeof actual === 'number' || typeof actual === 'boolean') &&
        compare(actual, value)
      );
    };
  };

  const andExpr = (): Predicate => {
    let left = primary();
    while (peek()?.kind === 'word' && peek()?.value.toLowerCase() === 'and') {
      position++;
      const a = left;
      const b = primary();
      left = (row) => a(row) && b(row);
    }
    return left;
  };

  const orExpr = (): Predicate => {
    let left = andExpr();
    while (peek()?.kind === 'word' && peek()?.value.toLowerCase() === 'or') {
      position++;
      const a = left;
      const b = andExpr();
      left = (row) => a(row) || b(row);
    }
    return left;
  };

  if (tokens.length === 0) return () => true;
  const predicate = orExpr();
  if (position < tokens.length)
    throw new FilterError(`$filter: unexpected "${tokens[position]?.value ?? ''}"`);
  return predicate;
}
