import { startEmulator } from '../src';
import { DEFAULT_ACME_CALL_RECORDS } from '../src/seed/seed';
import { EMULATOR_SEED, getWithToken, mitelClientToken, mitelUrl } from './helpers';

interface RecordPage {
  count: number;
  _links: { next?: { href: string } };
  _embedded: { items: Array<{ callId: string }> };
}

/** The last page's `$skip` and size tell how many records the account has, in two requests. */
async function recordTotal(base: string): Promise<number> {
  const token = await mitelClientToken(base, 'prod', EMULATOR_SEED.mitel.prod.clients.acmeAdmin);
  const url = (skip: number) =>
    mitelUrl(base, 'prod', 'media', `/calls/records?$top=100&$skip=${skip}`);
  let low = 0;
  let high = 2_000_000;
  // Binary search for the first empty page.
  while (high - low > 100) {
    const middle = Math.floor((low + high) / 200) * 100;
    const page = await getWithToken<RecordPage>(url(middle), token);
    if (page.body.count > 0) low = middle;
    else high = middle;
  }
  const last = await getWithToken<RecordPage>(url(low), token);
  return low + last.body.count;
}

describe('emulator call-record count (callRecords)', () => {
  it('serves 5,000 ACME production call records by default, as the seed says', async () => {
    const emulator = await startEmulator({ port: 0 });
    try {
      expect(DEFAULT_ACME_CALL_RECORDS).toBe(5000);
      expect(EMULATOR_SEED.mitel.prod.accounts.acme.generatedCallRecords).toBe(5000);
      expect(await recordTotal(emulator.url)).toBe(5000);
    } finally {
      await emulator.close();
    }
  });

  it('serves the asked number of records, each with its own id, pages linked to the end', async () => {
    const emulator = await startEmulator({ port: 0, callRecords: 12_345 });
    try {
      expect(await recordTotal(emulator.url)).toBe(12_345);
      const token = await mitelClientToken(
        emulator.url,
        'prod',
        EMULATOR_SEED.mitel.prod.clients.acmeAdmin,
      );
      const tail = await getWithToken<RecordPage>(
        mitelUrl(emulator.url, 'prod', 'media', '/calls/records?$top=100&$skip=12300'),
        token,
      );
      expect(tail.body.count).toBe(45);
      expect(tail.body._links.next).toBeUndefined();
      const ids = tail.body._embedded.items.map((item) => item.callId);
      expect(new Set(ids).size).toBe(45);
    } finally {
      await emulator.close();
    }
  });

  it('leaves the sandbox and the other accounts at their seeded size', async () => {
    const emulator = await startEmulator({ port: 0, callRecords: 1000 });
    try {
      const mitel = EMULATOR_SEED.mitel;
      const globexToken = await mitelClientToken(
        emulator.url,
        'prod',
        mitel.prod.clients.globexAdmin,
      );
      const globex = await getWithToken<RecordPage>(
        mitelUrl(emulator.url, 'prod', 'media', '/calls/records?$top=100&$skip=100'),
        globexToken,
      );
      expect(globex.body.count).toBe(mitel.prod.accounts.globex.generatedCallRecords - 100);
      const sandboxToken = await mitelClientToken(
        emulator.url,
        'sandbox',
        mitel.sandbox.clients.acmeAdmin,
      );
      const sandbox = await getWithToken<RecordPage>(
        mitelUrl(emulator.url, 'sandbox', 'media', '/calls/records?$top=100&$skip=200'),
        sandboxToken,
      );
      expect(sandbox.body.count).toBe(mitel.sandbox.accounts.acme.generatedCallRecords - 200);
    } finally {
      await emulator.close();
    }
  });

  it.each([-1, 1.5, Number.NaN, 1_000_001])(
    'refuses callRecords %p with what is allowed',
    async (count) => {
      await expect(startEmulator({ port: 0, callRecords: count })).rejects.toThrow(
        /callRecords must be an integer from 0 to 1000000/,
      );
    },
  );
});
