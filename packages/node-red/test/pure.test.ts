// Pure parts: credential values, store choice, parameter coercion, statuses, editor generation.
import { getProfile, profiles } from '@switchboard/core';
import type { ParameterDef, ProviderId } from '@switchboard/core';
import { editorFiles } from '../src/editor';
import { apiNodeSettings } from '../src/runtime/api-node';
import { configNodeType } from '../src/names';
import {
  credentialValues,
  mergeDialogSecrets,
  settingsChanged,
} from '../src/runtime/credential-values';
import { reportableError } from '../src/runtime/errors';
import { coerceParameter } from '../src/runtime/parameters';
import { safeResponseHeaders } from '../src/runtime/response-headers';
import { errorStatus, successStatus } from '../src/runtime/status';
import { tokenStoreChoice } from '../src/runtime/store-options';

const sangoma = getProfile('sangoma-cx');

/** Operations added from the providers' own specifications. */
const NEW_OPERATIONS: Record<string, string[]> = {
  'mitel-cloudlink': [
    'callRecord.hide',
    'call.answer',
    'call.end',
    'call.hold',
    'call.retrieve',
    'call.blindTransfer',
    'call.supervisedTransfer',
    'call.consult',
    'call.dtmf',
    'call.conference',
    'call.recording',
  ],
  'dell-cloudlink': ['auth.get', 'event.list'],
  'sangoma-cx': ['agentBot.create', 'inbox.list'],
};

describe('credential values', () => {
  it('takes secrets from credentials only, splits scopes, drops empty values', () => {
    const values = credentialValues(
      sangoma,
      { clientId: 'id', clientSecret: 'from-properties', scopes: 'a b,c', tenantDomain: '' },
      { clientSecret: 's3cret' },
    );
    expect(values).toEqual({ clientId: 'id', clientSecret: 's3cret', scopes: ['a', 'b', 'c'] });
  });

  it('uses the stored secret when the dialog sends __PWRD__, the typed one otherwise', () => {
    expect(
      mergeDialogSecrets(sangoma, { clientSecret: '__PWRD__' }, { clientSecret: 'kept' }),
    ).toEqual({
      clientSecret: 'kept',
    });
    expect(
      mergeDialogSecrets(sangoma, { clientSecret: 'typed' }, { clientSecret: 'kept' }),
    ).toEqual({
      clientSecret: 'typed',
    });
  });
});

describe('settings changed since the deploy (test connection with stored secrets)', () => {
  const generic = getProfile('generic-oauth2');
  const deployed = {
    tokenUrl: 'https://a.test/token',
    clientId: 'c',
    apiBaseUrl: 'https://a.test',
  };

  it('an untouched dialog is unchanged: defaults, an unchecked box and empty fields as absent', () => {
    const dialog = {
      ...deployed,
      grantType: 'client_credentials',
      clientAuth: 'basic',
      allowSelfSigned: false,
      scope: '',
      clientSecret: '__PWRD__',
    };
    expect(settingsChanged(generic, dialog, deployed)).toBe(false);
  });

  it.each([
    ['the token URL', { tokenUrl: 'https://evil.test/token' }],
    ['the API base URL', { apiBaseUrl: 'https://evil.test' }],
    ['the client id', { clientId: 'other' }],
    ['TLS checks', { allowSelfSigned: true }],
    ['the grant', { grantType: 'password' }],
  ])('a change of %s counts', (_what, change) => {
    expect(settingsChanged(generic, { ...deployed, ...change }, deployed)).toBe(true);
  });
});

describe('token store choice', () => {
  it('defaults to memory and a per-node file in the user directory', () => {
    expect(tokenStoreChoice({}, 'n1', '/data')).toEqual({ type: 'memory' });
    expect(tokenStoreChoice({ tokenStore: 'file', encryptionKey: 'k' }, 'n1', '/data')).toEqual({
      type: 'file',
      path: '/data/switchboard-tokens-n1.json',
      encryptionKey: 'k',
    });
  });

  it('says what is missing without repeating the Redis URL', () => {
    expect(() =>
      tokenStoreChoice({ tokenStore: 'redis', encryptionKey: 'k', redisUrl: 'x:pw@h' }, 'n', '/'),
    ).toThrow(/needs a Redis URL such as redis:\/\/127\.0\.0\.1:6379\.$/);
    expect(() => tokenStoreChoice({ tokenStore: 'file' }, 'n', '/')).toThrow(
      /set an encryption key/,
    );
    expect(() => tokenStoreChoice({ tokenStore: 'disk' }, 'n', '/')).toThrow(
      /choose memory, file or redis/,
    );
  });
});

describe('parameters', () => {
  const param = (type: ParameterDef['type']): ParameterDef => ({
    name: 'p',
    displayName: 'P',
    type,
    in: 'query',
  });

  it('converts to the declared type and treats empty as not set', () => {
    expect(coerceParameter(param('number'), '42')).toBe(42);
    expect(coerceParameter(param('boolean'), 'false')).toBe(false);
    expect(coerceParameter(param('json'), '{"a":1}')).toEqual({ a: 1 });
    expect(coerceParameter(param('multiOptions'), 'x, y')).toEqual(['x', 'y']);
    expect(coerceParameter(param('string'), '')).toBeUndefined();
  });

  it('names the parameter and the fix when a value does not fit', () => {
    expect(() => coerceParameter(param('number'), 'many')).toThrow(
      'Parameter "P" must be a number.',
    );
    expect(() => coerceParameter(param('json'), '{')).toThrow('Parameter "P" is not valid JSON.');
  });
});

describe('API node settings', () => {
  it('names the operation that does not exist and says what to do', () => {
    expect(() => apiNodeSettings(sangoma, { id: 'n', type: 't', operation: 'gone.away' })).toThrow(
      expect.objectContaining({
        code: 'invalid_configuration',
        message: 'Unknown Sangoma CX operation "gone.away".',
      }),
    );
  });

  it('reads limit, output and return all as the editor saves them', () => {
    const settings = apiNodeSettings(sangoma, {
      id: 'n',
      type: 't',
      operation: 'agent.call',
      limit: '20',
      output: 'items',
      returnAll: 'true',
    });
    expect(settings).toMatchObject({ limit: 20, output: 'items', returnAll: true });
  });
});

describe('statuses, errors and headers', () => {
  it('formats short status texts', () => {
    expect(successStatus(200, 42).text).toBe('200 · 42 records');
    expect(successStatus(201).text).toBe('201');
    expect(errorStatus({ code: 'unauthorized', status: 401 }).text).toBe('401 · check environment');
    expect(errorStatus({ code: 'network_timeout' }).text).toBe('timeout');
  });

  it('wraps unexpected errors with a code and a hint', () => {
    const error = reportableError(new TypeError('boom'));
    expect(error.code).toBe('internal_error');
    expect(error.message).toContain('boom');
    expect(error.cause.hint).toMatch(/report/);
  });

  it('drops cookies, authentication and body framing headers', () => {
    expect(
      safeResponseHeaders({
        'Set-Cookie': 'a',
        'content-length': '3',
        'x-mitel-correlation-id': 'c',
        'www-authenticate': 'Bearer',
      }),
    ).toEqual({ 'x-mitel-correlation-id': 'c' });
  });
});

describe('editor files', () => {
  const files = editorFiles([...profiles]);

  it.each(profiles.map((profile) => [profile.id, profile] as const))(
    'draws the %s config form from its profile, secrets as password credentials',
    (_id, profile) => {
      const html = files.editor['switchboard-config'];
      expect(html).toContain(`data-template-name="${configNodeType(profile.id)}"`);
      for (const field of profile.fields) {
        expect(html).toContain(`id="node-config-input-${field.name}"`);
        if (field.secret)
          expect(html).toMatch(new RegExp(`"${field.name}": \\{ type: 'password' \\}`));
      }
      expect(files.help['switchboard-config']).toContain(
        `data-help-name="${configNodeType(profile.id)}"`,
      );
    },
  );

  it('offers the operations and parameters added from the providers’ specifications', () => {
    const html = files.editor['switchboard-api'];
    for (const [provider, ids] of Object.entries(NEW_OPERATIONS)) {
      const profile = getProfile(provider as ProviderId);
      for (const id of ids) {
        expect(html).toContain(JSON.stringify(id));
        expect(apiNodeSettings(profile, { id: 'n', type: 't', operation: id }).operation.id).toBe(
          id,
        );
      }
    }
    for (const parameter of ['originateTimeout', 'skipToken', 'workPhone', 'outgoingUrl'])
      expect(html).toContain(JSON.stringify(parameter));
  });

  it('embeds every operation and its parameters for the API node dialogs', () => {
    const html = files.editor['switchboard-api'];
    for (const profile of profiles) {
      for (const operation of profile.operations)
        expect(html).toContain(JSON.stringify(operation.id));
    }
    expect(files.help['switchboard-api']).toContain('<h3>Outputs</h3>');
  });
});
