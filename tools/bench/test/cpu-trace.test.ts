import { spawn } from 'node:child_process';
import { cpuAt, cpuBetween, traceCpu, type CpuSample } from '../src/lib/cpu-trace';
import { processThreadsCpuClock } from '../src/stats';

describe('cpuAt and cpuBetween', () => {
  const samples: CpuSample[] = [
    { at: 1000, cpu: 0 },
    { at: 1010, cpu: 10 },
    { at: 1020, cpu: 10 },
    { at: 1040, cpu: 30 },
  ];

  it('interpolates the counter between the samples around an instant', () => {
    expect(cpuAt(samples, 1000)).toBe(0);
    expect(cpuAt(samples, 1005)).toBe(5);
    expect(cpuAt(samples, 1015)).toBe(10);
    expect(cpuAt(samples, 1030)).toBe(20);
    expect(cpuAt(samples, 1040)).toBe(30);
  });

  it('gives the CPU time of a window', () => {
    expect(cpuBetween(samples, 1005, 30)).toBe(20);
    expect(cpuBetween(samples, 1010, 10)).toBe(0);
  });

  it('refuses an instant outside the samples instead of guessing', () => {
    expect(() => cpuAt(samples, 999)).toThrow('no CPU samples around 999');
    expect(() => cpuBetween(samples, 1030, 20)).toThrow('no CPU samples around 1050');
    expect(() => cpuAt([], 1000)).toThrow('no CPU samples');
  });
});

describe('traceCpu', () => {
  it('samples a busy process: its CPU counter rises, its timestamps are epoch ms', async () => {
    const child = spawn(process.execPath, [
      '-e',
      'const end = Date.now() + 300; while (Date.now() < end);',
    ]);
    const pid = child.pid as number;
    const exited = new Promise((done) => child.on('exit', done));
    const trace = traceCpu(processThreadsCpuClock(pid), 5);
    await exited;
    const samples = trace.stop();

    expect(samples.length).toBeGreaterThan(2);
    const first = samples[0] as CpuSample;
    const last = samples[samples.length - 1] as CpuSample;
    expect(Math.abs(first.at - Date.now())).toBeLessThan(60_000);
    expect(last.cpu).toBeGreaterThan(first.cpu);
  });
});
