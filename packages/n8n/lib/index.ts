// Everything the credential and node files use, built once into dist/shared/ so every entry
// file shares one copy of the adapter and of core.
export { getProfile } from '@switchboard/core';
export {
  bearerAuthentication,
  credentialProperties,
  credentialTest,
  preAuthentication,
} from './credential';
export { executeOperations } from './execute';
export { nodeProperties } from './node-properties';
export { PROVIDERS } from './providers';
export { iconAt, providerCredentialType, providerNodeType } from './provider-types';
export {
  createSubscription,
  deleteSubscription,
  receiveNotification,
  subscriptionExists,
} from './subscription';
export { pollNewCallRecords } from './call-records';
