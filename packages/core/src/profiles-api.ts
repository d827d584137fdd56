// Public exports of the provider profiles, operations, diagnose and connections. Profiles are
// reached through the registry (`profiles`, `getProfile`), never one export per provider.
export { deliveryApplicationId, isDeliveryForApplication } from './profiles/mitel-deliveries';
export { profiles, getProfile, type ProviderId } from './profiles/registry';
export { defineProfile } from './profiles/define';
export { validateCredentials, credentialWarnings } from './profiles/validate';
export { resolveBaseUrl } from './profiles/base-url';
export { isFieldActive, splitList } from './profiles/values';
export { bindCredentials, resolveTokenSpec, type BoundCredential } from './profiles/bind';
export type { ResolvedTokenSpec } from './profiles/token-spec';
export { compileTemplate, type Placeholder, type TemplatePart } from './profiles/template';
export { createTokenSource, obtainToken, type TokenSourceOptions } from './profiles/token-source';
export { getOperation } from './operations/get-operation';
export { buildOperationRequest } from './operations/build-request';
export { readPage } from './operations/read-page';
export { sensitiveFieldsToRemove, withoutFields } from './operations/sensitive-fields';
export { maskEchoedSecrets, maskSecretsInData } from './client/mask-echoed-secrets';
export { paginate, isPaged, type PaginateOptions, type SendRequest } from './client/paginate';
export {
  createConnection,
  type Connection,
  type ConnectionOptions,
  type ExecuteOptions,
} from './connection/connection';
export {
  diagnose,
  type Diagnosis,
  type DiagnosisStep,
  type DiagnoseOptions,
} from './diagnose/diagnose';
