import { constants, PerformanceObserver } from 'node:perf_hooks';
import { collectGarbage, collectYoung } from '../src/lib/gc';

it('collectGarbage runs a full collection: an object only weakly held is gone after it', async () => {
  let held: object | undefined = { payload: new Array(1000).fill('x') };
  const weak = new WeakRef(held);
  held = undefined;
  // A WeakRef target survives until the end of the current job: let it end first.
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  expect(weak.deref()).toBeUndefined();
});

it('collectYoung runs a young-generation collection only, not a full one', async () => {
  const kinds: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const { detail } = entry as { detail?: { kind: number } };
      if (detail) kinds.push(detail.kind);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  collectYoung();
  // GC entries are delivered asynchronously.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  expect(kinds).toContain(constants.NODE_PERFORMANCE_GC_MINOR);
  expect(kinds).not.toContain(constants.NODE_PERFORMANCE_GC_MAJOR);
});
