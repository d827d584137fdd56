import { Agent, request } from 'node:http';
import { startEmulator } from '../src';
import { EMULATOR_SEED, getWithToken, mitelClientToken, mitelUrl } from './helpers';

describe('emulator lifecycle and options', () => {
  it('uses publicUrl for absolute links', async () => {
    const emulator = await startEmulator({ port: 0, publicUrl: 'https://proxy.example.test/emu/' });
    try {
      const token = await mitelClientToken(
        emulator.url,
        'prod',
        EMULATOR_SEED.mitel.prod.clients.acmeAdmin,
      );
      const page = await getWithToken<{ _links: { next?: { href: string } } }>(
        mitelUrl(emulator.url, 'prod', 'media', '/calls/records?$top=10'),
        token,
      );
      expect(page.body._links.next?.href).toBe(
        'https://proxy.example.test/emu/mitel/prod/media/2017-09-01/calls/records?$top=10&$skip=10',
      );
    } finally {
      await emulator.close();
    }
  });

  it('closes while a keep-alive connection is open, and close() can be called twice', async () => {
    const emulator = await startEmulator();
    const agent = new Agent({ keepAlive: true });
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(`${emulator.url}/_control/counters`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(200);
    await Promise.all([emulator.close(), emulator.close()]);
    agent.destroy();
    await expect(fetch(`${emulator.url}/_control/counters`)).rejects.toThrow();
  });

  it('gives two emulators separate state', async () => {
    const [a, b] = await Promise.all([startEmulator(), startEmulator()]);
    try {
      a.control.setTokenLifetime('dell', 10);
      expect(b.control.tokenLifetime('dell')).toBe(7200);
      expect(a.port).not.toBe(b.port);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
