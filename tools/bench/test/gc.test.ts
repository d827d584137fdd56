import { collectGarbage } from '../src/lib/gc';

it('collectGarbage runs a full collection: an object only weakly held is gone after it', async () => {
  let held: object | undefined = { payload: new Array(1000).fill('x') };
  const weak = new WeakRef(held);
  held = undefined;
  // A WeakRef target survives until the end of the current job: let it end first.
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  expect(weak.deref()).toBeUndefined();
});
