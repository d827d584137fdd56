// Pure parts of the call-records node: which context store persists, and its settings.
import { callRecordsSettings } from '../src/runtime/call-records-node';
import type { NodeRedApi } from '../src/runtime/node-red-types';
import { persistentStoreName } from '../src/runtime/persistent-context';

const red = (contextStorage: unknown) =>
  ({ settings: { contextStorage } }) as unknown as NodeRedApi;

describe('persistentStoreName', () => {
  it('finds the localfilesystem store, also behind a default alias, and nothing in memory only', () => {
    expect(persistentStoreName(red({ default: { module: 'localfilesystem' } }))).toBe('default');
    expect(
      persistentStoreName(
        red({
          default: 'disk',
          memoryOnly: { module: 'memory' },
          disk: { module: 'localfilesystem' },
        }),
      ),
    ).toBe('disk');
    expect(persistentStoreName(red({ default: { module: 'memory' } }))).toBeUndefined();
    expect(persistentStoreName(red(undefined))).toBeUndefined();
  });
});

describe('callRecordsSettings', () => {
  const base = { id: 'n1', type: 'switchboard-mitel-call-records' };
  it('reads the editor values', () => {
    expect(
      callRecordsSettings(
        {
          ...base,
          interval: '30',
          startFrom: 'date',
          startDate: '2026-11-01',
          overlapMinutes: 5,
          e164: true,
          maxRecords: 50,
          filter: "direction eq 'inbound'",
        },
        'gb',
      ),
    ).toEqual({
      intervalMs: 30_000,
      startFrom: { kind: 'date', date: '2026-11-01' },
      options: {
        overlapMs: 300_000,
        maxRecords: 50,
        e164: true,
        filter: "direction eq 'inbound'",
        defaultCountry: 'GB',
      },
    });
  });

  it('says what is wrong with a bad interval or country', () => {
    expect(() => callRecordsSettings({ ...base, interval: '0.5' }, '')).toThrow(/Poll every/);
    expect(() => callRecordsSettings({ ...base, interval: '60' }, 'Narnia')).toThrow(
      /not a known country code/,
    );
  });
});
