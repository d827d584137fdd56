/** A benchmark module in `src/benches/`: measures its subject and a baseline in the same run. */
export interface Bench {
  /** Short name shown while it runs. */
  title: string;
  /** Returns `name: value` figures, e.g. `{ 'overhead.core_vs_axios.ratio': 0.93 }`. */
  run(): Promise<Record<string, number>>;
}
