import { EMULATOR_SEED } from '../../seed/seed';
import { defineProvider } from '../types';
import { createGeneric } from '.';

const seed = EMULATOR_SEED.generic;

export const generic = defineProvider({
  name: 'generic',
  profileId: 'generic-oauth2',
  title: 'Generic OAuth2',
  tokenLifetimeSec: 3600,
  endpoints: (url) => `${url}/generic/oauth/token, ${url}/generic/api`,
  connection: (url) => ({
    profileId: 'generic-oauth2',
    values: {
      tokenUrl: `${url}/generic/oauth/token`,
      clientId: seed.clients.service.clientId,
      clientSecret: seed.clients.service.clientSecret,
      scope: seed.clients.service.scopes.join(' '),
      apiBaseUrl: `${url}/generic/api`,
    },
  }),
  seed,
  secrets: [
    ...Object.values(seed.clients).map((client) => client.clientSecret),
    ...Object.values(seed.users).map((user) => user.password),
  ],
  create: (state) => createGeneric(state),
});
