import type { Estimate } from './stats';

/** A count (printed as it is) or a measured figure with its spread. */
export type Figure = number | Estimate;

/** A benchmark module in `src/benches/`: measures its subject and a baseline in the same run. */
export interface Bench {
  /** Short name shown while it runs. */
  title: string;
  /** Returns `name: figure`, e.g. `{ 'overhead.core_vs_axios.ratio': estimate(ratios) }`. */
  run(): Promise<Record<string, Figure>>;
}
