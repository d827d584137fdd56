import { EMULATOR_SEED } from '../../seed/seed';
import { defineProvider } from '../types';
import { createBrightPattern } from '.';

const seed = EMULATOR_SEED['bright-pattern'];

export const brightPattern = defineProvider({
  name: 'bright-pattern',
  profileId: 'bright-pattern',
  title: 'Bright Pattern',
  tokenLifetimeSec: 3600,
  endpoints: (url) => `${url}/bright-pattern/configapi/v2`,
  connection: (url) => ({
    profileId: 'bright-pattern',
    values: {
      baseUrl: `${url}/bright-pattern`,
      tenant: seed.clients.acme.tenant,
      clientId: seed.clients.acme.clientId,
      clientSecret: seed.clients.acme.clientSecret,
    },
  }),
  seed,
  secrets: Object.values(seed.clients).map((client) => client.clientSecret),
  create: (state) => createBrightPattern(state),
});
