// Linux /proc readings of a process: resident memory now and at its peak, and a way to start
// the peak again from the current size, so one process can be measured run by run.
import { readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';

function statusKb(pid: number | 'self', field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`/proc/${pid}/status has no ${field}`);
  return Number(match[1]);
}

export function rssMb(pid: number | 'self'): number {
  return statusKb(pid, 'VmRSS') / 1024;
}

export function peakRssMb(pid: number | 'self'): number {
  return statusKb(pid, 'VmHWM') / 1024;
}

/** Starts the peak (VmHWM) again from the current RSS (`5` > /proc/<pid>/clear_refs, Linux 4.0+). */
export function resetPeakRss(pid: number | 'self'): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** Starts the peak again (resetPeakRss) and returns the peak it replaces, in MB. */
export function restartPeakRss(pid: number | 'self'): number {
  const peak = peakRssMb(pid);
  resetPeakRss(pid);
  return peak;
}

/** The process working in `folder` whose command line (or title) contains `name`. */
export function pidIn(folder: string, name: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/cwd`) !== folder) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(name)) return Number(entry);
    } catch {
      // it ended meanwhile, or is not ours to read
    }
  }
  throw new Error(`no process named ${name} runs in ${folder}`);
}
