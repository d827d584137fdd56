import { runItems, type PreparedItem } from '../lib/run-items';

/** Items answered by hand: `answer(i)` settles item i; records how many were in flight when each was sent. */
function manualItems(count: number) {
  const answers: Array<() => void> = [];
  const inFlightAtSend: number[] = [];
  let inFlight = 0;
  const prepare = async (index: number): Promise<PreparedItem<number>> => ({
    concurrent: true,
    send: () =>
      new Promise<number>((resolve) => {
        inFlight += 1;
        inFlightAtSend.push(inFlight);
        answers[index] = () => {
          inFlight -= 1;
          resolve(index);
        };
      }),
  });
  return { prepare, answers, inFlightAtSend, count };
}

const turns = async (count = 5) => {
  for (let turn = 0; turn < count; turn++) await new Promise((done) => setImmediate(done));
};

describe('runItems: bounded, refilled in bursts', () => {
  it('sends at most maxInFlight, then waits until only resumeAt remain before sending more', async () => {
    const items = manualItems(12);
    const run = runItems(items.count, items.prepare, {
      maxInFlight: 4,
      resumeAt: 2,
      stopAtFirstFailure: true,
    });
    await turns();
    items.answers[0]?.(); // the first item runs alone
    await turns();
    expect(items.inFlightAtSend).toEqual([1, 1, 2, 3, 4]);

    items.answers[1]?.(); // 3 left in flight: above resumeAt, nothing new goes out
    await turns();
    expect(items.inFlightAtSend).toHaveLength(5);

    items.answers[2]?.(); // 2 left: refill up to 4 at once
    await turns();
    expect(items.inFlightAtSend).toEqual([1, 1, 2, 3, 4, 3, 4]);

    for (let index = 3; index < items.count; index++) {
      items.answers[index]?.();
      await turns();
    }
    const outcomes = await run;
    expect(outcomes.map((outcome) => (outcome?.ok ? outcome.value : undefined))).toEqual(
      Array.from({ length: items.count }, (_, index) => index),
    );
    expect(Math.max(...items.inFlightAtSend)).toBe(4);
  });

  it('without resumeAt, sends the next item as soon as one answers', async () => {
    const items = manualItems(6);
    const run = runItems(items.count, items.prepare, { maxInFlight: 3, stopAtFirstFailure: true });
    await turns();
    items.answers[0]?.();
    await turns();
    expect(items.inFlightAtSend).toEqual([1, 1, 2, 3]);
    items.answers[1]?.();
    await turns();
    expect(items.inFlightAtSend).toEqual([1, 1, 2, 3, 3]);
    for (let index = 2; index < items.count; index++) {
      items.answers[index]?.();
      await turns();
    }
    expect(await run).toHaveLength(items.count);
  });
});
