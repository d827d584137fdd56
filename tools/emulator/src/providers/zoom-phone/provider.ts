import { defineProvider } from '../types';
import { createZoomPhone } from '.';
import { ZOOM_APP, ZOOM_SEED } from './seed';

export const zoomPhone = defineProvider({
  name: 'zoom',
  profileId: 'zoom-phone',
  title: 'Zoom Phone',
  // Server-to-Server OAuth tokens live an hour.
  tokenLifetimeSec: 3600,
  endpoints: (url) => `${url}/zoom/oauth/token, ${url}/zoom/v2`,
  connection: (url) => ({
    profileId: 'zoom-phone',
    values: {
      accountId: ZOOM_APP.accountId,
      clientId: ZOOM_APP.clientId,
      clientSecret: ZOOM_APP.clientSecret,
      tokenUrl: `${url}/zoom/oauth/token`,
      apiBaseUrl: `${url}/zoom/v2`,
    },
  }),
  seed: ZOOM_SEED,
  secrets: [ZOOM_APP.clientSecret],
  create: (state) => createZoomPhone(state),
});
