import { compileFilter, compileOrderBy, FilterError } from '../src/providers/mitel/odata';

const FIELDS = ['name', 'direction', 'duration'];
const rows = [
  { name: "O'Brien", direction: 'inbound', duration: 30 },
  { name: 'Alice', direction: 'outbound', duration: 120 },
  { name: 'Bob', direction: 'inbound', duration: 0 },
];
const names = (filter: string) => rows.filter(compileFilter(filter, FIELDS)).map((row) => row.name);

describe('OData $filter subset', () => {
  it('combines comparisons and functions with and / or / not and parentheses', () => {
    expect(names("direction eq 'inbound' and duration gt 10")).toEqual(["O'Brien"]);
    expect(names("direction eq 'outbound' or duration eq 0")).toEqual(['Alice', 'Bob']);
    expect(names("not (direction eq 'inbound')")).toEqual(['Alice']);
    expect(names("(contains(name,'li') or startswith(name,'B')) and duration le 120")).toEqual([
      'Alice',
      'Bob',
    ]);
    expect(names("endswith(name,'ice')")).toEqual(['Alice']);
  });

  it("reads '' as an escaped quote and an empty filter as everything", () => {
    expect(names("name eq 'O''Brien'")).toEqual(["O'Brien"]);
    expect(names('')).toHaveLength(3);
  });

  it.each([
    ["colour eq 'red'", 'unknown field "colour"'],
    ['name eq Alice', 'expected a value'],
    ["name eq 'Alice' and", 'ends too early'],
    ["name is 'Alice'", 'expected eq, ne'],
    ['contains(name, 3)', 'quoted string'],
    ["name eq 'a' )", 'unexpected'],
    ["name eq 'a", 'cannot read'],
  ])('explains %s', (filter, message) => {
    expect(() => compileFilter(filter, FIELDS)).toThrow(FilterError);
    expect(() => compileFilter(filter, FIELDS)).toThrow(message);
  });

  it('orders ascending and descending, and rejects unknown fields or directions', () => {
    const byDuration = [...rows]
      .sort(compileOrderBy('duration desc', FIELDS))
      .map((row) => row.duration);
    expect(byDuration).toEqual([120, 30, 0]);
    expect([...rows].sort(compileOrderBy('name', FIELDS)).map((row) => row.name)).toEqual([
      'Alice',
      'Bob',
      "O'Brien",
    ]);
    expect(() => compileOrderBy('colour asc', FIELDS)).toThrow('unknown field');
    expect(() => compileOrderBy('name upwards', FIELDS)).toThrow('asc');
  });
});
