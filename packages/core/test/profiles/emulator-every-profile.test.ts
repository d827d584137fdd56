// Every profile of core's registry has an emulator provider, and its declared credentials
// pass the profile's own validation and get a token over real HTTP.
import { startEmulator, type Emulator } from '@switchboard/emulator';
import { diagnose } from '../../src/diagnose/diagnose';
import { everyProfileAt, seedSecrets } from './support/emulator-credentials';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.close());

it('connects every registered profile to its emulator provider', async () => {
  const cases = everyProfileAt(emulator.url);
  expect(cases.length).toBeGreaterThan(0);
  for (const { profile, credentials } of cases) {
    const diagnosis = await diagnose(profile, credentials);
    expect([profile.id, diagnosis.ok]).toEqual([profile.id, true]);
    const text = JSON.stringify(diagnosis);
    for (const secret of seedSecrets()) expect(text).not.toContain(secret);
  }
});
