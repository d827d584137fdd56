import { EMULATOR_SEED } from '../../seed/seed';
import { defineProvider } from '../types';
import { createDell } from '.';

const seed = EMULATOR_SEED.dell;

export const dell = defineProvider({
  name: 'dell',
  profileId: 'dell-cloudlink',
  title: 'Dell CloudLink',
  tokenLifetimeSec: 7200,
  endpoints: (url) => `${url}/dell/cloudlink`,
  connection: (url) => ({
    profileId: 'dell-cloudlink',
    values: {
      baseUrl: `${url}/dell`,
      clientId: seed.clients.admin.clientId,
      clientSecret: seed.clients.admin.clientSecret,
    },
  }),
  seed,
  secrets: Object.values(seed.clients).map((client) => client.clientSecret),
  create: (state) => createDell(state),
});
