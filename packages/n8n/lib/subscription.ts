// The Mitel CloudLink Trigger's subscription lifecycle (n8n's webhookMethods): one
// notification subscription per active workflow, its id kept in the node's static data.
import type {
  ApiRequest,
  BoundCredential,
  OperationParams,
  ProviderProfile,
} from '@switchboard/core';
import { buildOperationRequest, isDeliveryForApplication, paginate } from '@switchboard/core';
import type {
  IDataObject,
  IHookFunctions,
  IWebhookFunctions,
  IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { boundCredential } from './credential';
import { configurationFailure, nodeFailure } from './errors';
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
  // Follow every page (on a busy account ours may not be on the first one) with core's one
  // paging loop, which stops when next links lead back to a page already read.
  const first = await operationRequest(this, profile, binding, 'subscription.list', {});
  const send = (request: ApiRequest) => sendRequest(this, profile, binding, request);
  let found = false;
  try {
    for await (const page of paginate(profile, 'subscription.list', first, send)) {
      found = page.items.some(
        (item) => (item as { subscriptionId?: unknown }).subscriptionId === state.subscriptionId,
      );
      if (found) break;
    }
  } catch (error) {
    throw nodeFailure(this.getNode(), error, 0);
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
  const bound = await boundFor(this, profile, binding);
  // The application is the client the credential signs in with, unless set on the node.
  params.applicationId ??= bound.text('clientId');
  const request = built(this, () => buildOperationRequest(bound, 'subscription.create', params));
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
    // Already gone is what we wanted; anything else must surface so the person can act. It is
    // already a masked NodeApiError: wrapping it again would copy whatever it was built from.
    if ((error as { httpCode?: unknown }).httpCode !== '404') {
      throw nodeFailure(this.getNode(), error, 0);
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
): Promise<ApiRequest> {
  const bound = await boundFor(context, profile, binding);
  return built(context, () => buildOperationRequest(bound, operationId, params));
}

async function boundFor(
  context: IHookFunctions,
  profile: ProviderProfile,
  binding: ProviderBinding,
): Promise<BoundCredential> {
  const data = await context.getCredentials(binding.credentialName);
  return built(context, () => boundCredential(profile, data));
}

/** Settings or parameters the request cannot be built from fail as the node's own error. */
function built<T>(context: IHookFunctions, build: () => T): T {
  try {
    return build();
  } catch (error) {
    throw configurationFailure(context.getNode(), error, 0);
  }
}
