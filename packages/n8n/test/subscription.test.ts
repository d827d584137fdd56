import { getProfile } from '@switchboard/core';
import type {
  IDataObject,
  IHookFunctions,
  IHttpRequestOptions,
  IWebhookFunctions,
} from 'n8n-workflow';
import { MitelCloudLinkTrigger } from '../nodes/MitelCloudLinkTrigger/MitelCloudLinkTrigger.node';
import { PROVIDERS } from '../lib/providers';
import { createSubscription, deleteSubscription, subscriptionExists } from '../lib/subscription';
import { failureOf, httpFailure } from './execute-fake';
import { sampleCredentials } from './fixtures';

const profile = getProfile('mitel-cloudlink');
const WEBHOOK = 'https://n8n.example.test/webhook/abc/webhook';

/** A stand-in for n8n's IHookFunctions with node static data and a recording request helper. */
function fakeHook(
  parameters: Record<string, string>,
  answer: (request: IHttpRequestOptions) => unknown,
) {
  const staticData: IDataObject = {};
  const sent: IHttpRequestOptions[] = [];
  const context = {
    getWorkflowStaticData: () => staticData,
    getNodeWebhookUrl: () => WEBHOOK,
    getNodeParameter: (name: string, fallback: unknown) => parameters[name] ?? fallback,
    getCredentials: async () => sampleCredentials(profile, { clientId: 'client-42' }),
    getNode: () => ({
      id: 't',
      name: 'Trigger',
      type: 'x',
      typeVersion: 1,
      position: [0, 0],
      parameters: {},
    }),
    helpers: {
      async httpRequestWithAuthentication(_type: string, request: IHttpRequestOptions) {
        sent.push(request);
        return { statusCode: 200, headers: {}, body: answer(request) };
      },
    },
  } as unknown as IHookFunctions;
  return { context, staticData, sent };
}

describe('Mitel CloudLink Trigger subscription lifecycle', () => {
  it('creates a webhook subscription for the topic and filters and keeps its id', async () => {
    const { context, staticData, sent } = fakeHook(
      { topic: 'platform-api-media', subjectFilter: 'calls/*', publicationFilter: '' },
      () => ({ subscriptionId: 'sub-1' }),
    );
    expect(await createSubscription.call(context, profile, PROVIDERS['mitel-cloudlink'])).toBe(
      true,
    );
    expect(staticData.subscriptionId).toBe('sub-1');
    expect(staticData.applicationId).toBe('client-42');
    expect(sent[0]?.method).toBe('POST');
    expect(sent[0]?.url).toMatch(/notifications.*\/subscriptions$/);
    expect(sent[0]?.body).toEqual({
      transport: 'webhook',
      deviceId: WEBHOOK,
      topic: 'platform-api-media',
      subjectFilter: 'calls/*',
      applicationId: 'client-42',
    });
  });

  it('checkExists is false without an id and forgets an id the provider no longer has', async () => {
    const empty = fakeHook({}, () => ({}));
    expect(
      await subscriptionExists.call(empty.context, profile, PROVIDERS['mitel-cloudlink']),
    ).toBe(false);
    expect(empty.sent).toHaveLength(0);

    const gone = fakeHook({}, () => ({
      _embedded: { items: [{ subscriptionId: 'other' }] },
      _links: {},
    }));
    gone.staticData.subscriptionId = 'sub-1';
    expect(await subscriptionExists.call(gone.context, profile, PROVIDERS['mitel-cloudlink'])).toBe(
      false,
    );
    expect(gone.staticData.subscriptionId).toBeUndefined();

    const kept = fakeHook({}, () => ({
      _embedded: { items: [{ subscriptionId: 'sub-1' }] },
      _links: {},
    }));
    kept.staticData.subscriptionId = 'sub-1';
    expect(await subscriptionExists.call(kept.context, profile, PROVIDERS['mitel-cloudlink'])).toBe(
      true,
    );
  });

  it('deletes its subscription, and treats an already deleted one as done', async () => {
    const ok = fakeHook({}, () => '');
    ok.staticData.subscriptionId = 'sub-1';
    expect(await deleteSubscription.call(ok.context, profile, PROVIDERS['mitel-cloudlink'])).toBe(
      true,
    );
    expect(ok.sent[0]?.method).toBe('DELETE');
    expect(ok.sent[0]?.url).toMatch(/\/subscriptions\/sub-1$/);
    expect(ok.staticData.subscriptionId).toBeUndefined();

    const missing = fakeHook({}, () => {
      throw httpFailure(404, { name: 'NotFound', message: 'no subscription' });
    });
    missing.staticData.subscriptionId = 'sub-1';
    expect(
      await deleteSubscription.call(missing.context, profile, PROVIDERS['mitel-cloudlink']),
    ).toBe(true);

    const refused = fakeHook({}, () => {
      throw httpFailure(403, { name: 'Forbidden', message: 'not yours' });
    });
    refused.staticData.subscriptionId = 'sub-1';
    const failure = await failureOf(
      deleteSubscription.call(refused.context, profile, PROVIDERS['mitel-cloudlink']),
    );
    expect(failure.message).toContain('not yours');
    expect(refused.staticData.subscriptionId).toBe('sub-1');
  });
});

describe('Mitel CloudLink Trigger webhook', () => {
  function delivery(body: IDataObject, subscriptionId: string | undefined, applicationId?: string) {
    const staticData: IDataObject = subscriptionId === undefined ? {} : { subscriptionId };
    if (applicationId !== undefined) staticData.applicationId = applicationId;
    return {
      getBodyData: () => body,
      getWorkflowStaticData: () => staticData,
      helpers: { returnJsonArray: (data: IDataObject) => [{ json: data }] },
    } as unknown as IWebhookFunctions;
  }

  it('starts the workflow with the notification of its own subscription', async () => {
    const body = {
      topic: 'platform-api-media',
      subscription: { subscriptionId: 'sub-1' },
      content: { callId: 'c-1' },
    };
    const result = await new MitelCloudLinkTrigger().webhook.call(delivery(body, 'sub-1'));
    expect(result.workflowData).toEqual([[{ json: body }]]);
  });

  it('ignores deliveries naming another application, wherever the id sits', async () => {
    const ours = { applicationId: 'app-1', subscription: { subscriptionId: 'sub-1' } };
    const trigger = new MitelCloudLinkTrigger();
    expect((await trigger.webhook.call(delivery(ours, 'sub-1', 'app-1'))).workflowData).toEqual([
      [{ json: ours }],
    ]);
    for (const body of [
      { ...ours, applicationId: 'app-2' },
      { subscription: { subscriptionId: 'sub-1', applicationId: 'app-2' } },
    ]) {
      const result = await trigger.webhook.call(delivery(body, 'sub-1', 'app-1'));
      expect(result.workflowData).toBeUndefined();
      expect(result.webhookResponse).toMatchObject({ received: false });
    }
  });

  it('ignores deliveries of other subscriptions', async () => {
    const body = { subscription: { subscriptionId: 'someone-else' } };
    const result = await new MitelCloudLinkTrigger().webhook.call(delivery(body, 'sub-1'));
    expect(result.workflowData).toBeUndefined();
  });
});
