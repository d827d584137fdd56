import {
  basicCredentials,
  bearerToken,
  formParams,
  isForm,
  isJson,
  isRecord,
} from '../../http/body';
import { json } from '../../http/reply';
import { Router } from '../../http/router';
import type { EmRequest, Reply } from '../../http/types';
import { EMULATOR_SEED, type SangomaSeedClient } from '../../seed/seed';
import type { EmulatorState } from '../../state/state';
import { TokenRegistry, type Issued } from '../../state/token-registry';
import { oauthError, splitScopes } from '../oauth';
import type { ProviderModule } from '../types';
import {
  agentCall,
  createAgentBot,
  createWebhook,
  inboxesOf,
  deliverToAgent,
  isWebhook,
  queueCall,
  sendMessage,
  type SangomaWebhook,
} from './api';

interface SangomaTokenData {
  clientId: string;
  scopes: string[];
  tenantDomain: string;
}

export interface SangomaProvider extends ProviderModule {
  webhooks(): SangomaWebhook[];
}

const API = '/cpaas/cx/api/v1';

/** Sangoma CX: token at `/sangoma/auth/oauth/token`, API at `/sangoma/cpaas/cx/api/v1/...`. */
export function createSangoma(state: EmulatorState): SangomaProvider {
  const tokens = new TokenRegistry<SangomaTokenData>(state.clock);
  /** The one live token per client and scope set: reissued unchanged until it expires. */
  const current = new Map<string, Issued<SangomaTokenData>>();
  const webhooks = new Map<string, SangomaWebhook>();
  const conversations = new Set<string>(EMULATOR_SEED.sangoma.conversations);
  const clients = new Map<string, SangomaSeedClient>(
    Object.values(EMULATOR_SEED.sangoma.clients).map((client) => [client.clientId, client]),
  );

  const token = (req: EmRequest): Reply => {
    if (!isForm(req))
      return oauthError(
        400,
        'invalid_request',
        'The body must be application/x-www-form-urlencoded.',
      );
    const form = formParams(req);
    const basic = basicCredentials(req, 'raw');
    if (!basic) {
      return oauthError(
        401,
        'invalid_client',
        'Client authentication failed: send client id and secret as HTTP Basic; credentials in the body are not accepted.',
        { 'www-authenticate': 'Basic realm="sangoma"' },
      );
    }
    state.counters.tokenCredential('sangoma', basic.id);
    if (form.has('client_id') || form.has('client_secret')) {
      return oauthError(
        400,
        'invalid_request',
        'Use HTTP Basic only; remove client_id / client_secret from the body.',
      );
    }
    const client = clients.get(basic.id);
    if (!client || client.clientSecret !== basic.secret) {
      return oauthError(401, 'invalid_client', 'Client authentication failed.', {
        'www-authenticate': 'Basic realm="sangoma"',
      });
    }
    const grant = form.get('grant_type');
    if (grant !== 'client_credentials') {
      return oauthError(400, 'unsupported_grant_type', 'grant_type must be client_credentials.');
    }
    const scopes = splitScopes(form.get('scope'));
    if (scopes.length === 0)
      return oauthError(400, 'invalid_scope', 'At least one scope is required.');
    const denied = scopes.filter((scope) => !client.scopes.includes(scope));
    if (denied.length > 0) {
      return oauthError(
        400,
        'invalid_scope',
        `Scope not granted to this client: ${denied.join(' ')}.`,
      );
    }
    const key = `${client.clientId}\n${[...scopes].sort().join(' ')}`;
    let issued = current.get(key);
    let expiresIn: number;
    if (issued && tokens.get(issued.token)) {
      expiresIn = tokens.remainingSec(issued);
    } else {
      // A new token reports its full lifetime (not "remaining", which a clock tick would round down).
      expiresIn = state.lifetime('sangoma');
      issued = tokens.issue(
        { clientId: client.clientId, scopes, tenantDomain: client.tenantDomain },
        expiresIn,
      );
      current.set(key, issued);
    }
    return json(200, {
      access_token: issued.token,
      scope: issued.data.scopes.join(' '),
      token_type: 'bearer',
      expires_in: expiresIn,
    });
  };

  /** Auth, then scope, then the handler with the token's data. */
  const authorized =
    (scope: string, handler: (req: EmRequest, issued: Issued<SangomaTokenData>) => Reply) =>
    (req: EmRequest): Reply => {
      const issued = tokens.get(bearerToken(req));
      if (!issued) {
        return json(
          401,
          { detail: 'Invalid or expired token.', error: 'invalid_token' },
          { 'www-authenticate': 'Bearer error="invalid_token"' },
        );
      }
      if (!issued.data.scopes.includes(scope)) {
        return json(
          403,
          {
            detail: `This operation requires the scope ${scope}.`,
            error: 'insufficient_scope',
            required_scope: scope,
          },
          { 'www-authenticate': `Bearer error="insufficient_scope", scope="${scope}"` },
        );
      }
      return handler(req, issued);
    };

  /** Auth, then scope, then the body (`tenant_domain` always), then the operation. */
  const operation = (scope: string, handler: (body: Record<string, unknown>) => Reply) =>
    authorized(scope, (req, issued) => {
      if (!isJson(req))
        return json(415, {
          detail: `Unsupported media type "${req.headers['content-type'] ?? ''}" in request.`,
        });
      let body: unknown;
      try {
        body = JSON.parse(req.body.toString('utf8'));
      } catch {
        return json(400, { detail: 'JSON parse error.' });
      }
      if (!isRecord(body)) return json(400, { non_field_errors: ['Expected a JSON object.'] });
      if (typeof body.tenant_domain !== 'string' || body.tenant_domain === '') {
        return json(400, { tenant_domain: ['This field is required.'] });
      }
      if (body.tenant_domain !== issued.data.tenantDomain) {
        return json(403, {
          detail: `The credentials are not valid for tenant ${body.tenant_domain}.`,
        });
      }
      return handler(body);
    });

  const router = new Router()
    .add('POST', '/auth/oauth/token', token)
    .add('POST', `${API}/agents/call`, operation('cx.agent-calls', agentCall))
    .add('POST', `${API}/queues/call`, operation('cx.queue-calls', queueCall))
    .add(
      'POST',
      `${API}/digital-interactions/messages`,
      operation('cx.digital-interactions', (body) =>
        sendMessage(body, conversations, state.clock.now()),
      ),
    )
    .add(
      'POST',
      `${API}/digital-interactions/webhooks`,
      operation('cx.digital-interactions', (body) => {
        const created = createWebhook(body, state.clock.now());
        if (!isWebhook(created)) return created;
        webhooks.set(created.id, created);
        return json(201, created);
      }),
    )
    .add(
      'POST',
      `${API}/digital-interactions/conversations/deliver-to-agent`,
      operation('cx.digital-interactions', (body) => deliverToAgent(body, conversations)),
    )
    .add(
      'POST',
      `${API}/digital-interactions/agent-bot`,
      operation('cx.digital-interactions', (body) => createAgentBot(body)),
    )
    // A GET has no body: the tenant is the token's (a tenant_domain query must agree with it).
    .add(
      'GET',
      `${API}/digital-interactions/inboxes`,
      authorized('cx.digital-interactions', (req, issued) => {
        const tenant = req.query.get('tenant_domain') ?? issued.data.tenantDomain;
        if (tenant !== issued.data.tenantDomain)
          return json(403, { detail: `The credentials are not valid for tenant ${tenant}.` });
        return json(200, inboxesOf(tenant));
      }),
    );

  return {
    name: 'sangoma',
    webhooks: () => [...webhooks.values()],
    classify: (req) => (req.path === '/auth/oauth/token' ? 'token' : 'api'),
    // The token server speaks RFC 6749; the CX API answers like Django REST framework.
    errorBody: (_status, message, kind) => (kind === 'api' ? { detail: message } : undefined),
    // Paths end with a slash on the real service; the router ignores empty segments.
    handle: (req) =>
      router.handle(req, (_req, methodNotAllowed) =>
        methodNotAllowed
          ? json(405, { detail: `Method "${req.method}" not allowed.` })
          : json(404, { detail: 'Not found.' }),
      ),
    revokeAll() {
      current.clear();
      return tokens.clear();
    },
    revokeToken: (accessToken) => tokens.revoke(accessToken),
    reset() {
      tokens.clear();
      current.clear();
      webhooks.clear();
      conversations.clear();
      EMULATOR_SEED.sangoma.conversations.forEach((id) => conversations.add(id));
    },
  };
}
