import { getProfile } from '@switchboard/core';
import { NodeConnectionTypes } from 'n8n-workflow';
import type {
  IExecuteFunctions,
  INodeExecutionData,
  INodeType,
  INodeTypeDescription,
} from 'n8n-workflow';
import { executeOperations } from '../../lib/execute';
import { nodeProperties } from '../../lib/node-properties';
import { PROVIDERS } from '../../lib/providers';

const binding = PROVIDERS.generic;
const profile = getProfile(binding.profileId);

export class SwitchboardOAuth2 implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'OAuth2 API (Switchboard)',
    name: binding.nodeName,
    icon: { light: 'file:../../icons/oauth2.svg', dark: 'file:../../icons/oauth2.dark.svg' },
    group: ['transform'],
    version: 1,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    description: profile.description,
    defaults: { name: 'OAuth2 API (Switchboard)' },
    usableAsTool: true,
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: binding.credentialName, required: true }],
    properties: nodeProperties(profile),
  };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    return executeOperations(this, profile, binding);
  }
}
