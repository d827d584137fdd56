// The credential type and the node of one provider, built from its profile. The files n8n loads
// (credentials/<X>.credentials.ts, nodes/<X>/<X>.node.ts) are generated one-line subclasses of
// these (scripts/generate.ts), because n8n wants one file per class, named like the class.
import { getProfile } from '@switchboard/core';
import type { ProviderId, ProviderProfile } from '@switchboard/core';
import { NodeConnectionTypes } from 'n8n-workflow';
import type {
  IAuthenticate,
  ICredentialTestRequest,
  ICredentialType,
  IExecuteFunctions,
  INodeExecutionData,
  INodeProperties,
  INodeType,
  INodeTypeDescription,
  Icon,
} from 'n8n-workflow';
import {
  bearerAuthentication,
  credentialProperties,
  credentialTest,
  preAuthentication,
} from './credential';
import { executeOperations } from './execute';
import { nodeProperties } from './node-properties';
import { PROVIDERS } from './providers';

/** n8n resolves `file:` icons relative to the class's own file; `up` leads to the package root. */
export function iconAt(profile: ProviderProfile, up: string): Icon {
  const { icon } = profile.platform;
  return { light: `file:${up}/icons/${icon}.svg`, dark: `file:${up}/icons/${icon}.dark.svg` };
}

/** The name a node shows in n8n's picker and gives a new node on the canvas. */
export function nodeDisplayName(profile: ProviderProfile): string {
  return profile.platform.n8n.nodeDisplayName ?? profile.displayName;
}

/** The class's members are typed as n8n's ICredentialType types them (tests call them). */
export function providerCredentialType(id: ProviderId) {
  const profile = getProfile(id);
  return class ProviderCredential implements ICredentialType {
    name = profile.platform.n8n.credentialName;

    displayName = profile.platform.n8n.credentialDisplayName;

    icon: Icon = iconAt(profile, '..');

    documentationUrl = profile.docsUrl;

    properties: INodeProperties[] = credentialProperties(profile);

    preAuthentication = preAuthentication(profile);

    authenticate: IAuthenticate = bearerAuthentication;

    test: ICredentialTestRequest = credentialTest(profile);
  };
}

export function providerNodeType(id: ProviderId) {
  const binding = PROVIDERS[id];
  const profile = getProfile(id);
  const displayName = nodeDisplayName(profile);
  return class ProviderNode implements INodeType {
    description: INodeTypeDescription = {
      displayName,
      name: binding.nodeName,
      icon: iconAt(profile, '../..'),
      group: ['transform'],
      version: 1,
      subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
      description: profile.description,
      defaults: { name: displayName },
      usableAsTool: true,
      inputs: [NodeConnectionTypes.Main],
      outputs: [NodeConnectionTypes.Main],
      credentials: [{ name: binding.credentialName, required: true }],
      properties: nodeProperties(profile),
    };

    async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
      return executeOperations(this, profile, binding);
    }
  };
}
