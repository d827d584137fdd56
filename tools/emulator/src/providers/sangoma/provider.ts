import { EMULATOR_SEED } from '../../seed/seed';
import { defineProvider } from '../types';
import { createSangoma } from '.';

const seed = EMULATOR_SEED.sangoma;

export const sangoma = defineProvider({
  name: 'sangoma',
  profileId: 'sangoma-cx',
  title: 'Sangoma CX',
  // Sangoma CX tokens live a year.
  tokenLifetimeSec: 365 * 24 * 3600,
  endpoints: (url) => `${url}/sangoma/auth/oauth/token, ${url}/sangoma/cpaas/cx/api/v1`,
  connection: (url) => ({
    profileId: 'sangoma-cx',
    values: {
      clientId: seed.clients.full.clientId,
      clientSecret: seed.clients.full.clientSecret,
      scopes: [...seed.clients.full.scopes],
      tenantDomain: seed.clients.full.tenantDomain,
      tokenUrl: `${url}/sangoma/auth/oauth/token`,
      apiBaseUrl: `${url}/sangoma/cpaas/cx/api/v1`,
    },
  }),
  seed,
  secrets: Object.values(seed.clients).map((client) => client.clientSecret),
  create: (state) => createSangoma(state),
});
