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

const binding = PROVIDERS.mitel;
const profile = getProfile(binding.profileId);

export class MitelCloudLink implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Mitel CloudLink',
    name: binding.nodeName,
    icon: { light: 'file:../../icons/mitel.svg', dark: 'file:../../icons/mitel.dark.svg' },
    group: ['transform'],
    version: 1,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    description: profile.description,
    defaults: { name: 'Mitel CloudLink' },
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
