import { SwitchboardError } from '../../src/errors/switchboard-error';
import type { CredentialValues } from '../../src/profiles/types';

/** Sentinel secrets: tests assert these never appear in any message, log line or export. */
export const SENTINEL = {
  clientSecret: 'SENTINEL-client-secret-7f3a',
  password: 'SENTINEL-password-91bc',
};

export const mitelCredentials: CredentialValues = {
  environment: 'custom',
  customBaseUrl: 'https://{service}.example.test/2017-09-01',
  grantType: 'client_credentials',
  clientId: 'client-1',
  clientSecret: SENTINEL.clientSecret,
  accountId: 'acct-1',
};

export const dellCredentials: CredentialValues = {
  baseUrl: 'https://clc.example.test',
  clientId: 'clc-client',
  clientSecret: SENTINEL.clientSecret,
};

export const brightPatternCredentials: CredentialValues = {
  baseUrl: 'https://bp.example.test',
  tenant: 'acme.brightpattern.com',
  clientId: 'api-user',
  clientSecret: SENTINEL.clientSecret,
};

export const sangomaCredentials: CredentialValues = {
  clientId: 'sangoma-client',
  clientSecret: SENTINEL.clientSecret,
  scopes: ['cx.agent-calls', 'cx.queue-calls', 'cx.digital-interactions'],
  tenantDomain: 'acme.cx.sangoma.com',
};

export const genericCredentials: CredentialValues = {
  tokenUrl: 'https://auth.example.test/oauth/token',
  clientId: 'generic-client',
  clientSecret: SENTINEL.clientSecret,
  apiBaseUrl: 'https://api.example.test/v1',
};

/** The SwitchboardError `run` throws; fails the test when it throws nothing or something else. */
export function thrown(run: () => unknown): SwitchboardError {
  try {
    run();
  } catch (error) {
    if (error instanceof SwitchboardError) return error;
    throw error;
  }
  throw new Error('expected a SwitchboardError');
}
