import { getProfile } from '@switchboard/core';
import { NodeConnectionTypes } from 'n8n-workflow';
import type {
  INodeExecutionData,
  INodeType,
  INodeTypeDescription,
  IPollFunctions,
} from 'n8n-workflow';
import { pollNewCallRecords } from '../../lib/call-records';
import { iconAt } from '../../lib/provider-types';
import { PROVIDERS } from '../../lib/providers';

const binding = PROVIDERS['mitel-cloudlink'];
const profile = getProfile(binding.profileId);

export class MitelCloudLinkCallRecordsTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Mitel CloudLink Call Records Trigger',
    subtitle: 'New call records',
    name: 'mitelCloudLinkCallRecordsTrigger',
    icon: iconAt(profile, '../..'),
    group: ['trigger'],
    version: 1,
    description:
      'Starts the workflow with every finished Mitel CloudLink call record, each exactly once, polled from the call history',
    defaults: { name: 'Mitel CloudLink: New Call Records' },
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: binding.credentialName, required: true }],
    polling: true,
    properties: [
      {
        displayName:
          'Polls the call history, so it works behind NAT and catches up after downtime. For instant delivery to a URL Mitel can reach, use the Mitel CloudLink Trigger (notifications) instead.',
        name: 'notice',
        type: 'notice',
        default: '',
      },
      {
        displayName: 'Start From',
        name: 'startFrom',
        type: 'options',
        default: 'now',
        options: [
          {
            name: 'Now',
            value: 'now',
            description: 'Only calls that end after the first scheduled poll',
          },
          { name: 'A Date', value: 'date', description: 'Every call that ended since a date' },
        ],
        description:
          'Where the first poll starts. Later polls continue from the last record, also after a restart.',
      },
      {
        displayName: 'Start Date',
        name: 'startDate',
        type: 'dateTime',
        default: '',
        required: true,
        displayOptions: { show: { startFrom: ['date'] } },
        description: 'The oldest end time of the call records to emit',
      },
      {
        displayName: 'Overlap Window (Minutes)',
        name: 'overlapMinutes',
        type: 'number',
        typeOptions: { minValue: 0 },
        default: 10,
        description:
          'Each poll re-reads this far back, for records that reach the history late; records already emitted are skipped by call ID',
      },
      {
        displayName: 'Add E.164 Numbers',
        name: 'e164',
        type: 'boolean',
        default: true,
        description:
          'Whether to add fromE164 and toE164 beside from and to (null for extensions); national numbers use the credential’s Default Country',
      },
      {
        displayName: 'Options',
        name: 'options',
        type: 'collection',
        placeholder: 'Add Option',
        default: {},
        options: [
          {
            displayName: 'Filter',
            name: 'filter',
            type: 'string',
            default: '',
            placeholder: "contains(principal,'<user ID>')",
            description: 'OData filter combined with the time window, for example one user’s calls',
          },
          {
            displayName: 'Max Records per Poll',
            name: 'maxRecords',
            type: 'number',
            typeOptions: { minValue: 1 },
            default: 1000,
            description: 'The oldest records first; the rest come with the next poll',
          },
          {
            displayName: 'Remembered IDs',
            name: 'maxSeen',
            type: 'number',
            typeOptions: { minValue: 1 },
            default: 10000,
            description:
              'Call IDs kept for de-duplication inside the overlap window; more calls than this within one window could repeat',
          },
        ],
      },
    ],
  };

  async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
    return pollNewCallRecords.call(this, profile, binding);
  }
}
