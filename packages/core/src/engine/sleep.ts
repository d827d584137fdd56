/** setTimeout fires after 1 ms when given more than this (a renewal storm for 1-year tokens). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Sleeps that `cancelAll` ends at once (rejecting with `reason`), so closing a manager never
 * leaves a timer behind. Delays are clamped to MAX_TIMER_MS.
 */
export class CancellableSleeper {
  private readonly pending = new Map<NodeJS.Timeout, (reason: Error) => void>();

  sleep = (ms: number): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => {
          this.pending.delete(timer);
          resolve();
        },
        Math.min(Math.max(0, ms), MAX_TIMER_MS),
      );
      this.pending.set(timer, reject);
    });

  cancelAll(reason: Error): void {
    for (const [timer, reject] of this.pending) {
      clearTimeout(timer);
      reject(reason);
    }
    this.pending.clear();
  }
}
