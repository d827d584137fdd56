import { configurationError } from '../errors/configuration-error';
import type { OperationDef, ProviderProfile } from '../profiles/types';

export function getOperation(profile: ProviderProfile, operationId: string): OperationDef {
  const operation = profile.operations.find((candidate) => candidate.id === operationId);
  if (operation === undefined) {
    throw configurationError(
      `${profile.displayName} has no operation "${operationId}".`,
      `Use one of: ${profile.operations.map((candidate) => candidate.id).join(', ')}.`,
      profile.id,
    );
  }
  return operation;
}
