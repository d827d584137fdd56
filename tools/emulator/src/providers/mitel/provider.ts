import { EMULATOR_SEED } from '../../seed/seed';
import { defineProvider } from '../types';
import { createMitel } from '.';

const seed = EMULATOR_SEED.mitel;

export const mitel = defineProvider({
  name: 'mitel',
  profileId: 'mitel-cloudlink',
  title: 'Mitel CloudLink',
  tokenLifetimeSec: 3600,
  endpoints: (url) => `${url}/mitel/{prod|sandbox}/{service}/${seed.apiVersion}`,
  connection: (url) => {
    const client = seed.prod.clients.acmeAdmin;
    return {
      profileId: 'mitel-cloudlink',
      values: {
        environment: 'custom',
        customBaseUrl: `${url}/mitel/prod/{service}/${seed.apiVersion}`,
        grantType: 'client_credentials',
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        accountId: client.accountId,
      },
    };
  },
  seed,
  secrets: (['prod', 'sandbox'] as const).flatMap((env) => [
    ...Object.values(seed[env].clients).map((client) => client.clientSecret),
    ...Object.values(seed[env].users).map((user) => user.password),
  ]),
  create: (state, seedOptions) => createMitel(state, seedOptions),
});
