// Everything the credential and node files use, built once into dist/shared/ so the eleven
// entry files share one copy of the adapter and of core.
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
export {
  createSubscription,
  deleteSubscription,
  receiveNotification,
  subscriptionExists,
} from './subscription';
export { pollNewCallRecords } from './call-records';
