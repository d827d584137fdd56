import { EMULATOR_SEED } from '../../seed/seed';
import { defineProvider } from '../types';
import { createBrightPattern } from '.';

const seed = EMULATOR_SEED.brightpattern;

export const brightPattern = defineProvider({
  name: 'brightpattern',
  profileId: 'bright-pattern',
  title: 'Bright Pattern',
  tokenLifetimeSec: 3600,
  endpoints: (url) => `${url}/brightpattern/configapi/v2`,
  connection: (url) => ({
    profileId: 'bright-pattern',
    values: {
      baseUrl: `${url}/brightpattern`,
      tenant: seed.clients.acme.tenant,
      clientId: seed.clients.acme.clientId,
      clientSecret: seed.clients.acme.clientSecret,
    },
  }),
  seed,
  secrets: Object.values(seed.clients).map((client) => client.clientSecret),
  create: (state) => createBrightPattern(state),
});
