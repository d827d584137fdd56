import { getProfile } from '@switchboard/core';
import { NodeConnectionTypes } from 'n8n-workflow';
import type {
  IHookFunctions,
  INodeType,
  INodeTypeDescription,
  IWebhookFunctions,
  IWebhookResponseData,
} from 'n8n-workflow';
import { iconAt } from '../../lib/provider-types';
import { PROVIDERS } from '../../lib/providers';
import {
  createSubscription,
  deleteSubscription,
  receiveNotification,
  subscriptionExists,
} from '../../lib/subscription';

const binding = PROVIDERS['mitel-cloudlink'];
const profile = getProfile(binding.profileId);

export class MitelCloudLinkTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Mitel CloudLink Trigger',
    name: 'mitelCloudLinkTrigger',
    icon: iconAt(profile, '../..'),
    group: ['trigger'],
    version: 1,
    subtitle: '={{"Topic: " + $parameter["topic"]}}',
    description:
      'Starts the workflow when Mitel CloudLink sends a notification, such as a completed call',
    defaults: { name: 'Mitel CloudLink Trigger' },
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: binding.credentialName, required: true }],
    webhooks: [
      { name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
    ],
    properties: [
      {
        displayName: 'Topic',
        name: 'topic',
        type: 'string',
        required: true,
        default: 'platform-api-media',
        description: 'Notification topic to subscribe to, for example platform-api-media (calls)',
      },
      {
        displayName: 'Subject Filter',
        name: 'subjectFilter',
        type: 'string',
        default: '',
        description: 'Only notifications whose subject matches this filter',
      },
      {
        displayName: 'Publication Filter',
        name: 'publicationFilter',
        type: 'string',
        default: '',
        description: 'Only publications matching this filter',
      },
      {
        displayName: 'Application ID',
        name: 'applicationId',
        type: 'string',
        default: '',
        description:
          'CloudLink application the subscription belongs to; empty uses the credential’s client ID',
      },
    ],
  };

  webhookMethods = {
    default: {
      async checkExists(this: IHookFunctions): Promise<boolean> {
        return subscriptionExists.call(this, profile, binding);
      },
      async create(this: IHookFunctions): Promise<boolean> {
        return createSubscription.call(this, profile, binding);
      },
      async delete(this: IHookFunctions): Promise<boolean> {
        return deleteSubscription.call(this, profile, binding);
      },
    },
  };

  async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
    return receiveNotification.call(this);
  }
}
