// One measurement in a fresh process: 'Return All' of every ACME call record through core, one
// record at a time (`items`, as a per-record consumer sees them) or collected into one array
// (`array`, connection.execute with returnAll), or (`axios items`) the hand-written axios loop
// over the same pages, core's baseline. Prints one JSON line: the records seen and the peak RSS
// growth over the RSS before the listing (VmHWM reset just before it, after the warm-up
// listings and a full collection); with a late window (`items` only), also the peak over the
// records after the first `window from` alone, above the same RSS.
import { childMain } from '../lib/child';
import {
  countThroughAxios,
  countThroughCore,
  mitelConnection,
  mitelToken,
  PAGE_SIZE,
  WARM_UP_RECORDS,
} from '../lib/mitel';
import { peakRssMb, resetPeakRss, restartPeakRss, rssMb } from '../lib/proc';

const USAGE =
  'usage: return-all.ts <emulator url> core|axios items|array [warm-up listings] [window from]';

/** One side's listings: a warm-up of WARM_UP_RECORDS, and every record, page by page. */
interface Side {
  warmUp(): Promise<number>;
  listAll(onPage: (items: number) => void): Promise<void>;
  listArray(): Promise<number>;
  close(): Promise<void>;
}

async function coreSide(emulatorUrl: string): Promise<Side> {
  const connection = mitelConnection(emulatorUrl);
  const params = { top: PAGE_SIZE };
  return {
    warmUp: () => countThroughCore(connection, WARM_UP_RECORDS / PAGE_SIZE),
    async listAll(onPage) {
      for await (const page of connection.pages('callRecord.list', params)) {
        let records = 0;
        for (const record of page.items) if (record !== undefined) records += 1;
        onPage(records);
      }
    },
    async listArray() {
      const response = await connection.execute('callRecord.list', params, { returnAll: true });
      return (response.data as unknown[]).length;
    },
    close: () => connection.close(),
  };
}

async function axiosSide(emulatorUrl: string): Promise<Side> {
  const token = await mitelToken(emulatorUrl);
  return {
    warmUp: () => countThroughAxios(emulatorUrl, token, WARM_UP_RECORDS / PAGE_SIZE),
    listAll: async (onPage) => {
      await countThroughAxios(emulatorUrl, token, Infinity, onPage);
    },
    listArray: () => Promise.reject(new Error(`the axios baseline lists items only; ${USAGE}`)),
    close: () => Promise.resolve(),
  };
}

async function main(): Promise<void> {
  const [emulatorUrl, sideName, mode, listings = '1', from = '0'] = process.argv.slice(2);
  const warmUpListings = Number(listings);
  const windowFrom = Number(from);
  if (
    emulatorUrl === undefined ||
    (sideName !== 'core' && sideName !== 'axios') ||
    (mode !== 'items' && mode !== 'array') ||
    !Number.isInteger(warmUpListings) ||
    warmUpListings < 1 ||
    !Number.isInteger(windowFrom) ||
    windowFrom < 0
  ) {
    throw new Error(USAGE);
  }
  const side = await (sideName === 'core' ? coreSide : axiosSide)(emulatorUrl);
  // Token, sockets, code and the heap's size warm before the baseline, as in a process that
  // has been running: the listing after it then shows what it keeps, not V8 settling in.
  for (let listing = 0; listing < warmUpListings; listing += 1) {
    const warm = await side.warmUp();
    if (warm !== WARM_UP_RECORDS) throw new Error(`warm-up listed ${warm} records`);
  }
  // The baseline is the heap after a full collection, not wherever the last GC cycle left it.
  (globalThis as { gc?: () => void }).gc?.();
  resetPeakRss('self');
  const before = rssMb('self');
  let records = 0;
  let peakBeforeWindow: number | undefined;
  if (mode === 'items') {
    await side.listAll((items) => {
      records += items;
      if (windowFrom > 0 && peakBeforeWindow === undefined && records >= windowFrom) {
        peakBeforeWindow = restartPeakRss('self');
      }
    });
  } else {
    records = await side.listArray();
  }
  const windowPeak = peakRssMb('self');
  const peak = Math.max(windowPeak, peakBeforeWindow ?? 0);
  await side.close();
  const window = peakBeforeWindow === undefined ? {} : { windowGrowthMb: windowPeak - before };
  process.stdout.write(`${JSON.stringify({ records, growthMb: peak - before, ...window })}\n`);
}

childMain(main);
