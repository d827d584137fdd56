import { countThroughAxios, countThroughCore, mitelConnection, mitelToken } from './lib/mitel';
import { estimate } from './stats';
(async () => {
  const url = 'http://127.0.0.1:18788';
  const connection = mitelConnection(url);
  const token = await mitelToken(url);
  const cpu = () => {
    const u = process.threadCpuUsage();
    return (u.user + u.system) / 1000;
  };
  const r: number[] = [];
  const a: number[] = [];
  const c: number[] = [];
  for (let i = 0; i < Number(process.env.N ?? 16); i++) {
    const t0 = cpu();
    await countThroughAxios(url, token);
    const t1 = cpu();
    await countThroughCore(connection);
    const t2 = cpu();
    if (i > 2) {
      r.push((t1 - t0) / (t2 - t1));
      a.push(t1 - t0);
      c.push(t2 - t1);
    }
  }
  const e = estimate(r);
  console.log(
    'ratio',
    e.value.toFixed(3),
    (e.spread * 100).toFixed(1),
    'axios ms',
    estimate(a).value.toFixed(0),
    'core ms',
    estimate(c).value.toFixed(0),
  );
  await connection.close();
})();
