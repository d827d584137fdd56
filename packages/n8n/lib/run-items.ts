// Runs a node's items with bounded concurrency, in a way that behaves like one item after
// another: outcomes come back by input position, and an item that may not run alongside others
// (a request with side effects) waits until every earlier item has settled, and is not sent
// at all when an earlier item failed and the run stops at the first failure.

export interface PreparedItem<T> {
  /** True when sending it next to other items cannot change what either does (idempotent). */
  concurrent: boolean;
  send: () => Promise<T>;
}

export type ItemOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface RunItemsOptions {
  maxInFlight: number;
  /**
   * Once maxInFlight are out, sending resumes when this many or fewer remain (default
   * maxInFlight - 1). Refilling in bursts costs the process far less CPU per request than one
   * new request per answer (measured in n8n: about 0.35 ms per item less).
   */
  resumeAt?: number;
  /** Without Continue On Fail: start nothing once an item has failed. */
  stopAtFirstFailure: boolean;
}

/**
 * Prepares items in input order and sends them; the first item always runs alone, so what it
 * sets up for the rest (the credential's token) happens once. Returns one outcome per item that
 * was prepared (an unstarted item after a failure has none).
 */
export async function runItems<T>(
  count: number,
  prepare: (index: number) => Promise<PreparedItem<T>>,
  options: RunItemsOptions,
): Promise<Array<ItemOutcome<T> | undefined>> {
  const outcomes: Array<ItemOutcome<T> | undefined> = new Array<ItemOutcome<T> | undefined>(count);
  const inFlight = new Set<Promise<void>>();
  // Wakes the loop when an item settles. Not Promise.race(inFlight): each race adds a reaction to
  // every item in flight, so a run cost items × maxInFlight reactions (all kept until settled).
  let slotFreed: (() => void) | undefined;
  let failed = false;
  const stopped = () => failed && options.stopAtFirstFailure;
  for (let index = 0; index < count && !stopped(); index++) {
    let item: PreparedItem<T>;
    try {
      item = await prepare(index);
    } catch (error) {
      outcomes[index] = { ok: false, error };
      failed = true;
      continue;
    }
    const alone = index === 0 || !item.concurrent;
    if (alone) {
      await Promise.all(inFlight);
      if (stopped()) break;
    }
    const running: Promise<void> = item
      .send()
      .then(
        (value) => {
          outcomes[index] = { ok: true, value };
        },
        (error: unknown) => {
          outcomes[index] = { ok: false, error };
          failed = true;
        },
      )
      .finally(() => {
        inFlight.delete(running);
        slotFreed?.();
      });
    inFlight.add(running);
    if (alone) await running;
    else if (inFlight.size >= options.maxInFlight) {
      const resumeAt = options.resumeAt ?? options.maxInFlight - 1;
      while (inFlight.size > resumeAt) await new Promise<void>((resolve) => (slotFreed = resolve));
    }
  }
  await Promise.all(inFlight);
  return outcomes;
}
