import { mitelConnection } from './lib/mitel';
declare const gc: () => void;
(async () => {
  const c = mitelConnection(process.argv[2]!);
  await c.execute('callRecord.list', { top: 100 }, { limit: 100 });
  gc();
  const m0 = process.memoryUsage();
  let n = 0;
  let pages = 0;
  for await (const p of c.pages('callRecord.list', { top: 100 })) {
    n += p.items.length;
    if (++pages % 500 === 0) {
      const m = process.memoryUsage();
      console.log(
        n,
        'rss',
        (m.rss / 1e6).toFixed(0),
        'heap',
        (m.heapUsed / 1e6).toFixed(0),
        'total',
        (m.heapTotal / 1e6).toFixed(0),
        'ext',
        (m.external / 1e6).toFixed(0),
        'ab',
        (m.arrayBuffers / 1e6).toFixed(0),
      );
    }
  }
  gc();
  const m1 = process.memoryUsage();
  console.log(
    'after gc heapUsed delta MB',
    ((m1.heapUsed - m0.heapUsed) / 1e6).toFixed(2),
    'rss',
    (m0.rss / 1e6).toFixed(0),
    (m1.rss / 1e6).toFixed(0),
  );
  await c.close();
})();
