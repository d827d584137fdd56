import { collectGarbage } from '../src/lib/gc';
import { peakRssMb, pidIn, resetPeakRss, restartPeakRss, rssMb } from '../src/lib/proc';

describe('/proc readings', () => {
  it('reads RSS and its peak, and starts the peak again from the current size', () => {
    const held = Buffer.alloc(64 * 1024 * 1024, 1);
    expect(held[0]).toBe(1);
    // RSS first: the peak read after it covers it even if the heap grew in between.
    const rss = rssMb('self');
    expect(peakRssMb('self')).toBeGreaterThanOrEqual(rss - 1);
    resetPeakRss('self');
    // Right after the reset the peak is the current size (give or take what moved meanwhile).
    expect(Math.abs(peakRssMb('self') - rssMb('self'))).toBeLessThan(16);
  });

  it('restarts the peak and returns the one it replaced', () => {
    resetPeakRss('self');
    const withBuffer = (() => {
      const held = Buffer.alloc(64 * 1024 * 1024, 1);
      return held[0] === 1 ? rssMb('self') : Number.NaN;
    })();
    collectGarbage(); // frees the buffer: RSS drops, the peak still covers it
    const replaced = restartPeakRss('self');
    expect(replaced).toBeGreaterThanOrEqual(withBuffer - 1);
    expect(rssMb('self')).toBeLessThan(replaced - 32);
    // The new peak starts from the current size.
    expect(Math.abs(peakRssMb('self') - rssMb('self'))).toBeLessThan(16);
  });

  it('finds a process by its folder and command line, and says when none runs', () => {
    expect(pidIn(process.cwd(), process.argv[1] ?? 'node')).toBeGreaterThan(0);
    expect(() => pidIn('/no/such/folder', 'node')).toThrow('no process named node runs in');
  });
});
