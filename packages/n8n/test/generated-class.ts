// Loads a provider's generated n8n classes by the paths its profile's manifest names, the way
// n8n's loader does (the exported class named like the file), so tests enumerate the registry.
import type { ProviderProfile } from '@switchboard/core';
import type { ICredentialType, INodeType } from 'n8n-workflow';
import { join } from 'node:path';
import { credentialPath, nodePath } from '../scripts/generate';

function load<T>(path: string, className: string): T {
  const module = jest.requireActual<Record<string, new () => T>>(join(__dirname, '..', path));
  const loaded = module[className];
  if (loaded === undefined) throw new Error(`${path} exports no class ${className}.`);
  return new loaded();
}

export function providerNode(profile: ProviderProfile): INodeType {
  return load<INodeType>(nodePath(profile), profile.platform.n8n.nodeClassName);
}

export function providerCredential(profile: ProviderProfile): ICredentialType {
  return load<ICredentialType>(credentialPath(profile), profile.platform.n8n.credentialClassName);
}
