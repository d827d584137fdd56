// The Mitel CloudLink Trigger's subscription lifecycle (n8n's webhookMethods): one
// notification subscription per active workflow, its id kept in the node's static data.
import type { ApiRequest, OperationParams, ProviderProfile } from '@switchboard/core';
import { buildOperationRequest, isDeliveryForApplication, readPage } from '@switchboard/core';
import type {
  IDataObject,
  IHookFunctions,
  IWebhookFunctions,
  IWebhookResponseData,
  JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { credentialValues } from './credential';
import { configurationFailure } from './errors';
import type { ProviderBinding } from './providers';
import { sendRequest } from './request';

export const SUBSCRIPTION_PARAMETERS = [
  'topic',
  'subjectFilter',
  'publicationFilter',
  'applicationId',
];

interface SubscriptionState {
  subscriptionId?: string;
  /** The application the subscription was made for: deliveries naming another are dropped. */
  applicationId?: string;
}

export async function subscriptionExists(
  this: IHookFunctions,
  profile: ProviderProfile,
  binding: ProviderBinding,
): Promise<boolean> {
  const state = this.getWorkflowStaticData('node') as SubscriptionState;
  if (state.subscriptionId === undefined) return false;
  // Follow every page: on a busy account ours may not be on the first one.
  let next: ApiRequest | undefined = await operationRequest(
    this,
    profile,
    binding,
    'subscription.list',
    {},
  );
  let found = false;
  while (next !== undefined && !found) {
    const request: ApiRequest = next;
    const page = readPage(
      profile,
      'subscription.list',
      request,
      await sendRequest(this, profile, binding, request),
    );
    found = page.items.some(
      (item) => (item as { subscriptionId?: unknown }).subscriptionId === state.subscriptionId,
    );
    next = page.next;
  }
  if (!found) delete state.subscriptionId;
  return found;
}

export async function createSubscription(
  this: IHookFunctions,
  profile: ProviderProfile,
  binding: ProviderBinding,
): Promise<boolean> {
  const params: OperationParams = { webhookUrl: this.getNodeWebhookUrl('default') };
  for (const name of SUBSCRIPTION_PARAMETERS) {
    const value = this.getNodeParameter(name, '') as string;
    if (value !== '') params[name] = value;
  }
  if (params.applicationId === undefined) {
    // The application is the client the credential signs in with, unless set on the node.
    const credentials = credentialValues(
      profile,
      await this.getCredentials(binding.credentialName),
    );
    params.applicationId = credentials.clientId;
  }
  const request = await operationRequest(this, profile, binding, 'subscription.create', params);
  const response = await sendRequest(this, profile, binding, request);
  const subscriptionId = (response.data as { subscriptionId?: unknown } | undefined)
    ?.subscriptionId;
  if (typeof subscriptionId !== 'string' || subscriptionId === '') {
    throw new NodeOperationError(
      this.getNode(),
      'The subscription was created but its id is missing from the response.',
      {
        description:
          'Check that the notifications base URL points at the CloudLink notifications service.',
      },
    );
  }
  const state = this.getWorkflowStaticData('node') as SubscriptionState;
  state.subscriptionId = subscriptionId;
  state.applicationId = String(params.applicationId ?? '');
  return true;
}

export async function deleteSubscription(
  this: IHookFunctions,
  profile: ProviderProfile,
  binding: ProviderBinding,
): Promise<boolean> {
  const state = this.getWorkflowStaticData('node') as SubscriptionState;
  if (state.subscriptionId === undefined) return true;
  const request = await operationRequest(this, profile, binding, 'subscription.delete', {
    subscriptionId: state.subscriptionId,
  });
  try {
    await sendRequest(this, profile, binding, request);
  } catch (error) {
    // Already gone is what we wanted; anything else must surface so the person can act.
    if ((error as { httpCode?: unknown }).httpCode !== '404') {
      throw new NodeApiError(this.getNode(), error as JsonObject);
    }
  }
  delete state.subscriptionId;
  delete state.applicationId;
  return true;
}

/** Starts the workflow for deliveries of this node's own subscription and application only. */
export function receiveNotification(this: IWebhookFunctions): IWebhookResponseData {
  const body = this.getBodyData();
  const state = this.getWorkflowStaticData('node') as SubscriptionState;
  const subscription = body.subscription as { subscriptionId?: unknown } | undefined;
  if (state.subscriptionId === undefined || subscription?.subscriptionId !== state.subscriptionId) {
    return { webhookResponse: { received: false, reason: 'not this workflow’s subscription' } };
  }
  if (!isDeliveryForApplication(body, state.applicationId ?? '')) {
    return { webhookResponse: { received: false, reason: 'not this workflow’s application' } };
  }
  return { workflowData: [this.helpers.returnJsonArray(body as IDataObject)] };
}

async function operationRequest(
  context: IHookFunctions,
  profile: ProviderProfile,
  binding: ProviderBinding,
  operationId: string,
  params: OperationParams,
) {
  try {
    const credentials = credentialValues(
      profile,
      await context.getCredentials(binding.credentialName),
    );
    return buildOperationRequest(profile, credentials, operationId, params);
  } catch (error) {
    throw configurationFailure(context.getNode(), error, 0);
  }
}
