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

const binding = PROVIDERS.sangoma;
const profile = getProfile(binding.profileId);

export class SangomaCx implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Sangoma CX',
    name: binding.nodeName,
    icon: { light: 'file:../../icons/sangoma.svg', dark: 'file:../../icons/sangoma.dark.svg' },
    group: ['transform'],
    version: 1,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    description: profile.description,
    defaults: { name: 'Sangoma CX' },
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
