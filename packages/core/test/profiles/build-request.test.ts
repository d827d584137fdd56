import { bindCredentials } from '../../src/profiles/bind';
import { buildOperationRequest } from '../../src/operations/build-request';
import { brightPattern } from '../../src/profiles/bright-pattern';
import { dellCloudLink } from '../../src/profiles/dell-cloudlink';
import { genericOAuth2 } from '../../src/profiles/generic-oauth2';
import { mitelCloudLink } from '../../src/profiles/mitel-cloudlink';
import { sangomaCx } from '../../src/profiles/sangoma-cx';
import {
  brightPatternCredentials,
  dellCredentials,
  genericCredentials,
  mitelCredentials,
  sangomaCredentials,
  thrown,
} from './helpers';

const mitel = (id: string, params: Record<string, unknown> = {}) =>
  buildOperationRequest(bindCredentials(mitelCloudLink, mitelCredentials), id, params as never);

describe('Mitel CloudLink requests', () => {
  const app = { 'X-Mitel-App': 'app=switchboard/0.1.0;platform=switchboard' };

  it('who am I goes to the authentication service', () => {
    expect(mitel('auth.whoAmI')).toEqual({
      method: 'GET',
      url: 'https://authentication.example.test/2017-09-01/token',
      headers: app,
      idempotent: true,
    });
  });

  it('puts each service’s own API version in its base URL, also in a custom template', () => {
    const versions = { ...mitelCloudLink.serviceVersions, media: '2019-03-01' };
    const profile = { ...mitelCloudLink, serviceVersions: versions };
    const build = (credentials: Record<string, string>, id: string) =>
      buildOperationRequest(bindCredentials(profile, credentials), id, { endpointId: 'e', to: '1' })
        .url;
    const production = { environment: 'production', clientId: 'c', clientSecret: 's' };
    expect(build(production, 'call.create')).toBe(
      'https://media.api.mitel.io/2019-03-01/endpoints/e/calls',
    );
    expect(build(production, 'auth.whoAmI')).toBe(
      'https://authentication.api.mitel.io/2017-09-01/token',
    );
    const custom = {
      ...production,
      environment: 'custom',
      customBaseUrl: 'https://gw.example.test/{service}/{apiVersion}',
    };
    expect(build(custom, 'call.create')).toBe(
      'https://gw.example.test/media/2019-03-01/endpoints/e/calls',
    );
  });

  it('gets an account and lists users with encoded path values', () => {
    expect(mitel('account.get', { accountId: 'a/b c' }).url).toBe(
      'https://admin.example.test/2017-09-01/accounts/a%2Fb%20c',
    );
    expect(mitel('user.list', { accountId: 'acct-1', top: '25' })).toMatchObject({
      url: 'https://admin.example.test/2017-09-01/accounts/acct-1/users',
      query: { $top: 25 },
    });
    expect(mitel('user.get', { userId: 'u-1' }).url).toBe(
      'https://admin.example.test/2017-09-01/users/u-1',
    );
  });

  it('lists call records with OData wire names', () => {
    expect(
      mitel('callRecord.list', {
        filter: "contains(principal,'u1')",
        top: 50,
        skip: 0,
        skipToken: 'abc',
      }),
    ).toEqual({
      method: 'GET',
      url: 'https://media.example.test/2017-09-01/calls/records',
      headers: expect.any(Object),
      query: {
        $filter: "contains(principal,'u1')",
        $top: 50,
        $skip: 0,
        $skiptoken: 'abc',
      },
      idempotent: true,
    });
    // Mitel documents no $orderby: an old flow's orderBy is not sent.
    expect(mitel('callRecord.list', { orderBy: 'createdOn desc' }).query).toBeUndefined();
  });

  it('hides call records with PUT {hide: true} and the filter in the query', () => {
    expect(mitel('callRecord.hide', { filter: "callId eq 'c1'" })).toMatchObject({
      method: 'PUT',
      url: 'https://media.example.test/2017-09-01/calls/records',
      query: { $filter: "callId eq 'c1'" },
      body: { hide: true },
    });
  });

  it('controls a call with PUT {action, args}, one operation per action', () => {
    expect(
      mitel('call.blindTransfer', {
        endpointId: 'ep 1',
        callId: 'c/1',
        args: '{"destination": "+15550001"}',
      }),
    ).toMatchObject({
      method: 'PUT',
      url: 'https://media.example.test/2017-09-01/endpoints/ep%201/calls/c%2F1',
      body: { action: 'blindTransfer', args: { destination: '+15550001' } },
    });
    expect(mitel('call.end', { endpointId: 'e', callId: 'c' }).body).toEqual({ action: 'end' });
    expect(
      mitel('call.recording', { endpointId: 'e', callId: 'c', action: 'resumeRecording' }).body,
    ).toEqual({ action: 'resumeRecording' });
  });

  it('places a call with originateTimeout 30 unless given, and refuses one above 120', () => {
    expect(mitel('call.create', { endpointId: 'e', to: '100' }).body).toEqual({
      to: '100',
      originateTimeout: 30,
    });
    expect(() =>
      mitel('call.create', { endpointId: 'e', to: '100', originateTimeout: 500 }),
    ).toThrow(
      /Originate Timeout \(s\) \(originateTimeout\) must be a number from 0 to 120; got 500/,
    );
  });

  it('places a call with body fields and additional fields merged', () => {
    expect(
      mitel('call.create', {
        endpointId: 'ep 1',
        to: '+15551234',
        additionalFields: '{"autoAnswer": true}',
      }),
    ).toMatchObject({
      method: 'POST',
      url: 'https://media.example.test/2017-09-01/endpoints/ep%201/calls',
      body: { to: '+15551234', autoAnswer: true },
      idempotent: false,
    });
  });

  it('upper-cases participant types, whatever case people type', () => {
    const request = mitel('conversation.create', {
      participants: '[{"type":"User","participantId":"u1"},{"type":"sms","participantId":"+1555"}]',
    });
    expect(request.body).toEqual({
      originalParticipants: [
        { type: 'USER', participantId: 'u1' },
        { type: 'SMS', participantId: '+1555' },
      ],
    });
  });

  it('sends a message with the default content type', () => {
    expect(
      mitel('conversation.sendMessage', { conversationId: 'c1', body: 'hello' }),
    ).toMatchObject({
      url: 'https://chat.example.test/2017-09-01/conversations/c1/messages',
      body: { body: 'hello', contentType: 'text/plain' },
    });
  });

  it('creates, lists and deletes webhook subscriptions', () => {
    expect(
      mitel('subscription.create', { applicationId: 'app1', webhookUrl: 'https://hook.test/x' }),
    ).toMatchObject({
      method: 'POST',
      url: 'https://notifications.example.test/2017-09-01/subscriptions',
      body: {
        transport: 'webhook',
        applicationId: 'app1',
        deviceId: 'https://hook.test/x',
        topic: 'platform-api-media',
      },
    });
    expect(mitel('subscription.list').url).toBe(
      'https://notifications.example.test/2017-09-01/subscriptions',
    );
    expect(mitel('subscription.delete', { subscriptionId: 's1' })).toMatchObject({
      method: 'DELETE',
      url: 'https://notifications.example.test/2017-09-01/subscriptions/s1',
    });
  });

  it('creates an application client of type APP', () => {
    expect(mitel('client.create', { accountId: 'acct-1', role: 'ACCOUNT_ADMIN' })).toMatchObject({
      url: 'https://admin.example.test/2017-09-01/accounts/acct-1/clients',
      body: { type: 'APP', role: 'ACCOUNT_ADMIN' },
    });
  });

  it('names every missing required parameter in one error', () => {
    const error = thrown(() => mitel('call.create', {}));
    expect(error.code).toBe('invalid_configuration');
    expect(error.message).toContain('Endpoint ID (endpointId) is required');
    expect(error.message).toContain('To (to) is required');
  });

  it('reports bad JSON without echoing it, and bad options with the allowed values', () => {
    const error = thrown(() =>
      mitel('conversation.create', { participants: '[{"type": SENTINEL' }),
    );
    expect(error.message).toContain('Participants (JSON) (participants) is not valid JSON');
    expect(error.message).not.toContain('SENTINEL');
    expect(
      thrown(() => mitel('client.create', { accountId: 'a', role: 'KING' })).message,
    ).toContain('use one of: PARTNER_ADMIN, ACCOUNT_ADMIN, USER');
    expect(thrown(() => mitel('user.list', { accountId: 'a', top: 'many' })).message).toContain(
      'must be a number',
    );
  });

  it('resolves production, sandbox and region hosts', () => {
    const base = { ...mitelCredentials, customBaseUrl: undefined };
    const url = (values: Record<string, string>) =>
      buildOperationRequest(
        bindCredentials(mitelCloudLink, { ...base, ...values }),
        'auth.whoAmI',
        {},
      ).url;
    expect(url({ environment: 'production' })).toBe(
      'https://authentication.api.mitel.io/2017-09-01/token',
    );
    expect(url({ environment: 'sandbox' })).toBe(
      'https://authentication.dev.api.mitel.io/2017-09-01/token',
    );
    expect(url({ environment: 'region', region: 'eu' })).toBe(
      'https://authentication.eu.api.mitel.io/2017-09-01/token',
    );
  });
});

describe('Dell CloudLink Center requests', () => {
  const dell = (id: string, params: Record<string, unknown> = {}) =>
    buildOperationRequest(bindCredentials(dellCloudLink, dellCredentials), id, params as never);
  it('builds every operation under /cloudlink/rest', () => {
    expect(dell('machine.list')).toEqual({
      method: 'GET',
      url: 'https://clc.example.test/cloudlink/rest/securevm',
      idempotent: true,
    });
    expect(dell('machine.get', { machineId: 'vm 1' }).url).toBe(
      'https://clc.example.test/cloudlink/rest/securevm/vm%201',
    );
    expect(dell('user.list').url).toBe('https://clc.example.test/cloudlink/rest/users');
    expect(dell('license.get').url).toBe('https://clc.example.test/cloudlink/rest/license');
    expect(dell('auth.logout')).toMatchObject({
      method: 'DELETE',
      url: 'https://clc.example.test/cloudlink/rest/auth',
    });
  });
});

describe('Bright Pattern requests', () => {
  const bp = (id: string, params: Record<string, unknown> = {}) =>
    buildOperationRequest(
      bindCredentials(brightPattern, brightPatternCredentials),
      id,
      params as never,
    );
  it('creates a user with its fields, roles as a list and extra fields merged', () => {
    expect(
      bp('user.create', {
        loginId: 'jdoe',
        password: 'Init-Pass-1',
        firstName: 'Jane',
        lastName: 'Doe',
        disabled: 'false',
        roles: 'Agent, Supervisor',
        additionalFields: { skills: ['billing'] },
      }),
    ).toEqual({
      method: 'POST',
      url: 'https://bp.example.test/configapi/v2/user',
      body: {
        loginId: 'jdoe',
        password: 'Init-Pass-1',
        firstName: 'Jane',
        lastName: 'Doe',
        disabled: false,
        roles: ['Agent', 'Supervisor'],
        skills: ['billing'],
      },
      idempotent: false,
    });
  });
  it('gets, updates, reads and clears the lock of a user, and exports numbers', () => {
    expect(bp('user.get', { loginId: 'j doe' }).url).toBe(
      'https://bp.example.test/configapi/v2/user/j%20doe',
    );
    expect(bp('user.update', { loginId: 'jdoe', email: 'j@x.test' })).toMatchObject({
      method: 'PUT',
      body: { email: 'j@x.test' },
    });
    expect(bp('user.getLockState', { loginId: 'jdoe' }).url).toBe(
      'https://bp.example.test/configapi/v2/user/lock/jdoe',
    );
    const clear = bp('user.clearLockState', { loginId: 'jdoe' });
    expect(clear).toMatchObject({
      method: 'PUT',
      url: 'https://bp.example.test/configapi/v2/user/lock/jdoe',
    });
    expect(clear.body).toBeUndefined();
    expect(bp('phone.exportAccessNumbers').url).toBe(
      'https://bp.example.test/configapi/v2/phone/ext',
    );
    expect(bp('phone.exportUserPhoneNumbers').url).toBe(
      'https://bp.example.test/configapi/v2/phone/user',
    );
  });
});

describe('Sangoma CX requests', () => {
  const sangoma = (id: string, params: Record<string, unknown> = {}) =>
    buildOperationRequest(bindCredentials(sangomaCx, sangomaCredentials), id, params as never);
  it('adds tenant_domain to every body and uses the wire names', () => {
    expect(sangoma('agent.call', { agentName: 'alice', destination: '+15551234' })).toEqual({
      method: 'POST',
      url: 'https://cpaas.sangoma.com/cx/api/v1/agents/call/',
      body: { agent_name: 'alice', destination: '+15551234', tenant_domain: 'acme.cx.sangoma.com' },
      idempotent: false,
    });
    expect(sangoma('queue.call', { queueName: 'support', destination: '+1' }).body).toEqual({
      queue_name: 'support',
      destination: '+1',
      tenant_domain: 'acme.cx.sangoma.com',
    });
    expect(sangoma('message.send', { conversationId: 'c1', content: 'hi' }).body).toEqual({
      message_type: 'outgoing',
      conversation_id: 'c1',
      content: 'hi',
      tenant_domain: 'acme.cx.sangoma.com',
    });
    expect(sangoma('webhook.create', { url: 'https://hook.test' }).body).toEqual({
      url: 'https://hook.test',
      subscriptions: ['conversation_created', 'message_created'],
      tenant_domain: 'acme.cx.sangoma.com',
    });
    expect(sangoma('conversation.deliverToAgent', { conversationId: 'c1' })).toMatchObject({
      url: 'https://cpaas.sangoma.com/cx/api/v1/digital-interactions/conversations/deliver-to-agent/',
      body: { conversation_id: 'c1', tenant_domain: 'acme.cx.sangoma.com' },
    });
  });
  it('uses the advanced API base URL when set', () => {
    const request = buildOperationRequest(
      bindCredentials(sangomaCx, {
        ...sangomaCredentials,
        apiBaseUrl: 'http://127.0.0.1:9/sangoma/cpaas/cx/api/v1/',
      }),
      'queue.call',
      { queueName: 'q', destination: '1' },
    );
    expect(request.url).toBe('http://127.0.0.1:9/sangoma/cpaas/cx/api/v1/queues/call/');
  });
});

describe('custom.request', () => {
  it('sends method, service-relative path, query, headers and JSON body', () => {
    expect(
      mitel('custom.request', {
        method: 'post',
        service: 'chat',
        path: 'conversations?x=1',
        query: '{"$top": 5}',
        headers: { 'X-Extra': 'yes' },
        body: '{"a": [1, 2]}',
      }),
    ).toEqual({
      method: 'POST',
      url: 'https://chat.example.test/2017-09-01/conversations',
      query: { x: '1', $top: 5 },
      headers: { 'X-Mitel-App': 'app=switchboard/0.1.0;platform=switchboard', 'X-Extra': 'yes' },
      body: { a: [1, 2] },
      idempotent: false,
    });
  });
  it('is available for every provider', () => {
    expect(
      buildOperationRequest(bindCredentials(genericOAuth2, genericCredentials), 'custom.request', {
        path: '/things',
      }),
    ).toEqual({ method: 'GET', url: 'https://api.example.test/v1/things', idempotent: true });
  });
  it('refuses absolute URLs, Authorization headers, bad JSON and unknown services', () => {
    const error = thrown(() =>
      mitel('custom.request', {
        method: 'TRACE',
        service: 'billing',
        path: 'https://evil.test/steal',
        headers: { Authorization: 'Bearer x' },
        body: '{oops',
      }),
    );
    expect(error.message).toContain('Method (method) must be one of');
    expect(error.message).toContain(
      'Service (service) must be one of authentication, admin, media, chat, notifications',
    );
    expect(error.message).toContain('not a full URL');
    expect(error.message).toContain('must not set Authorization');
    expect(error.message).toContain('Body (body) is not valid JSON');
    expect(thrown(() => mitel('custom.request', { path: '//evil.test/x' })).message).toContain(
      'not a full URL',
    );
    expect(thrown(() => mitel('custom.request', {})).message).toContain('Path (path) is required');
  });
});

it('reports an unknown operation with the list of valid ones', () => {
  const error = thrown(() => mitel('user.fly'));
  expect(error.code).toBe('invalid_configuration');
  expect(error.hint).toContain('auth.whoAmI');
});
