// One measurement in a fresh process: 'Return All' of every ACME call record through core,
// one record at a time (`items`, as a per-record consumer sees them) or collected into one
// array (`array`, connection.execute with returnAll). Prints one JSON line: the records seen
// and the peak RSS growth over the RSS before the listing (VmHWM reset just before it, after
// the warm-up listings and a full collection); with a late window (`items` only), also the
// peak over the records after the first `window from` alone, above the same RSS.
import { childMain } from '../lib/child';
import { mitelConnection, WARM_UP_RECORDS } from '../lib/mitel';
import { peakRssMb, resetPeakRss, restartPeakRss, rssMb } from '../lib/proc';

async function main(): Promise<void> {
  const [emulatorUrl, mode, listings = '1', from = '0'] = process.argv.slice(2);
  const warmUpListings = Number(listings);
  const windowFrom = Number(from);
  if (
    emulatorUrl === undefined ||
    (mode !== 'items' && mode !== 'array') ||
    !Number.isInteger(warmUpListings) ||
    warmUpListings < 1 ||
    !Number.isInteger(windowFrom) ||
    windowFrom < 0
  ) {
    throw new Error(
      'usage: return-all-core.ts <emulator url> items|array [warm-up listings] [window from]',
    );
  }
  const connection = mitelConnection(emulatorUrl);
  // Token, sockets, code and the heap's size warm before the baseline, as in a process that
  // has been running: the listing after it then shows what it keeps, not V8 settling in.
  for (let listing = 0; listing < warmUpListings; listing += 1) {
    let warm = 0;
    for await (const page of connection.pages(
      'callRecord.list',
      { top: 100 },
      { limit: WARM_UP_RECORDS },
    ))
      warm += page.items.length;
    if (warm !== WARM_UP_RECORDS) throw new Error(`warm-up listed ${warm} records`);
  }
  // The baseline is the heap after a full collection, not wherever the last GC cycle left it.
  (globalThis as { gc?: () => void }).gc?.();
  resetPeakRss('self');
  const before = rssMb('self');
  let records = 0;
  let peakBeforeWindow: number | undefined;
  if (mode === 'items') {
    for await (const page of connection.pages('callRecord.list', { top: 100 })) {
      for (const record of page.items) if (record !== undefined) records += 1;
      if (windowFrom > 0 && peakBeforeWindow === undefined && records >= windowFrom) {
        peakBeforeWindow = restartPeakRss('self');
      }
    }
  } else {
    const response = await connection.execute('callRecord.list', { top: 100 }, { returnAll: true });
    records = (response.data as unknown[]).length;
  }
  const windowPeak = peakRssMb('self');
  const peak = Math.max(windowPeak, peakBeforeWindow ?? 0);
  await connection.close();
  const window = peakBeforeWindow === undefined ? {} : { windowGrowthMb: windowPeak - before };
  process.stdout.write(`${JSON.stringify({ records, growthMb: peak - before, ...window })}\n`);
}

childMain(main);
