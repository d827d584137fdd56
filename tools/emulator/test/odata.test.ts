import { compileFilter, FilterError } from '../src/providers/mitel/odata';

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

  it('compares date fields as instants, with an OData date-time literal or a quoted one', () => {
    const calls = [
      { id: 'a', createdOn: '2026-10-01T08:00:00.000Z', endTime: '2026-10-01T08:05:00.000Z' },
      { id: 'b', createdOn: '2026-10-02T09:30:00.000Z', endTime: '2026-10-02T09:31:10.000Z' },
      { id: 'c', createdOn: '2026-10-03T23:59:59.000Z', endTime: '2026-10-04T00:10:00.000Z' },
    ];
    const ids = (filter: string) =>
      calls
        .filter(compileFilter(filter, ['id', 'createdOn', 'endTime'], ['createdOn', 'endTime']))
        .map((call) => call.id);
    expect(ids('createdOn ge 2026-10-02T00:00:00Z')).toEqual(['b', 'c']);
    // Without milliseconds, a quoted instant still compares as a time, not as text.
    expect(ids("createdOn ge '2026-10-01T08:00:00Z'")).toEqual(['a', 'b', 'c']);
    expect(ids('endTime lt 2026-10-04T01:00:00+01:00')).toEqual(['a', 'b']);
    expect(
      ids("createdOn ge 2026-10-02T00:00:00Z and endTime lt '2026-10-03T00:00:00.000Z'"),
    ).toEqual(['b']);
    expect(() => compileFilter("createdOn ge 'yesterday'", ['createdOn'], ['createdOn'])).toThrow(
      'date-time',
    );
  });
});
