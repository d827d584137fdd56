import { bindCredentials } from '../../src/profiles/bind';
import { buildOperationRequest } from '../../src/operations/build-request';
import { templateNames } from '../../src/profiles/template';
import { profiles } from '../../src/profiles/registry';
import type { OperationParams } from '../../src/operations/types';
import type { ParameterDef, ProviderProfile } from '../../src/profiles/types';
import {
  brightPatternCredentials,
  dellCredentials,
  genericCredentials,
  mitelCredentials,
  sangomaCredentials,
} from './helpers';
import { emulatorCredentials } from './support/emulator-credentials';

const credentialsFor: Record<string, Record<string, string | string[]>> = {
  'mitel-cloudlink': mitelCredentials as Record<string, string>,
  'dell-cloudlink': dellCredentials as Record<string, string>,
  'bright-pattern': brightPatternCredentials as Record<string, string>,
  'sangoma-cx': sangomaCredentials as Record<string, string | string[]>,
  'generic-oauth2': genericCredentials as Record<string, string>,
};

/** A distinctive value per parameter, so we can find it in the built request. */
function sampleValue(parameter: ParameterDef, index: number): unknown {
  const marker = `v${index}x`;
  switch (parameter.type) {
    case 'number':
      // Inside a declared range (Mitel originateTimeout 0-120), still distinctive.
      return Math.min(7000 + index, parameter.maxValue ?? Infinity);
    case 'boolean':
      return true;
    case 'options':
      return parameter.options?.[0]?.value ?? marker;
    case 'multiOptions':
      return parameter.options && parameter.options.length > 0
        ? [parameter.options[0]?.value]
        : [marker];
    case 'json':
      if (parameter.merge === true) return { [marker]: marker };
      if (parameter.transformKey !== undefined)
        return [{ [parameter.transformKey]: marker, id: marker }];
      return { marker };
    default:
      return marker;
  }
}

const SECRET_NAME = /secret|password|apikey|api_key|accesstoken|refreshtoken/i;

describe.each(profiles.map((profile) => [profile.id, profile] as [string, ProviderProfile]))(
  'profile %s',
  (_id, profile) => {
    const fieldNames = profile.fields.map((field) => field.name);

    it('has unique field names, operation ids and resource values', () => {
      expect(new Set(fieldNames).size).toBe(fieldNames.length);
      const ids = profile.operations.map((operation) => operation.id);
      expect(new Set(ids).size).toBe(ids.length);
      const resources = profile.resources.map((resource) => resource.value);
      expect(new Set(resources).size).toBe(resources.length);
    });

    it('marks every secret-looking field secret', () => {
      const unmarked = profile.fields.filter(
        (field) => SECRET_NAME.test(field.name) && field.type === 'string' && field.secret !== true,
      );
      expect(unmarked.map((field) => field.name)).toEqual([]);
      for (const operation of profile.operations) {
        // Text only, as for fields: a boolean such as Bright Pattern's changePassword holds no secret.
        const params = operation.parameters.filter(
          (parameter) =>
            /password|secret/i.test(parameter.name) &&
            parameter.type === 'string' &&
            parameter.secret !== true,
        );
        expect(params.map((parameter) => `${operation.id}.${parameter.name}`)).toEqual([]);
      }
    });

    it('refers only to declared fields in templates and displayWhen', () => {
      const templates = [
        profile.token.url,
        ...Object.values(profile.baseUrls),
        ...Object.values(profile.token.extraParams ?? {}),
        ...Object.values(profile.defaultHeaders ?? {}),
        ...Object.values(profile.environment?.urls ?? {}),
        ...(profile.token.assumeRole === undefined ? [] : [profile.token.assumeRole.url]),
        ...(profile.token.authorizeUrl === undefined ? [] : [profile.token.authorizeUrl]),
      ];
      const builtIn = (name: string): boolean =>
        name === 'environmentUrl' ||
        name === 'service' ||
        (name === 'apiVersion' && profile.serviceVersions !== undefined) ||
        (name.startsWith('service:') && name.slice(8) in profile.baseUrls);
      const unknown = templates
        .flatMap(templateNames)
        .filter((name) => !builtIn(name) && !fieldNames.includes(name));
      expect(unknown).toEqual([]);
      const referenced = [
        profile.token.grantField,
        profile.token.clientAuthField,
        profile.token.basicEncodingField,
        profile.token.scopeField,
        profile.token.extraParamsField,
        profile.token.assumeRole?.roleField,
        profile.token.assumeRole?.accountIdField,
        profile.environment?.field,
        profile.tlsFields?.ca,
        profile.tlsFields?.allowSelfSigned,
        ...profile.fields.flatMap((field) => Object.keys(field.displayWhen ?? {})),
        ...profile.operations.flatMap((operation) =>
          Object.values(operation.bodyFromCredentials ?? {}),
        ),
      ].filter((name): name is string => name !== undefined);
      expect(referenced.filter((name) => !fieldNames.includes(name))).toEqual([]);
    });

    it('references only declared resources, and every resource has an operation', () => {
      const resources = profile.resources.map((resource) => resource.value);
      for (const operation of profile.operations) {
        expect(resources).toContain(operation.resource);
        expect(operation.id).toBe(`${operation.resource}.${operation.operation}`);
        if (operation.service !== undefined)
          expect(Object.keys(profile.baseUrls)).toContain(operation.service);
      }
      for (const resource of resources) {
        expect(profile.operations.some((operation) => operation.resource === resource)).toBe(true);
      }
      if (profile.whoAmI !== undefined) {
        expect(profile.operations.map((operation) => operation.id)).toContain(profile.whoAmI);
      }
    });

    it('offers a custom request', () => {
      expect(
        profile.operations.some(
          (operation) => operation.id === 'custom.request' && operation.custom,
        ),
      ).toBe(true);
    });

    it('declares every path placeholder as a path parameter, and nothing else in the path', () => {
      for (const operation of profile.operations.filter((candidate) => candidate.custom !== true)) {
        const placeholders = templateNames(operation.path);
        const pathParams = operation.parameters
          .filter((parameter) => parameter.in === 'path')
          .map((p) => p.name);
        expect({ id: operation.id, placeholders: placeholders.sort() }).toEqual({
          id: operation.id,
          placeholders: pathParams.sort(),
        });
      }
    });

    it('uses every declared parameter in the request it builds', () => {
      // Profiles without hand-written values use the ones their emulator module declares.
      const credentials =
        credentialsFor[profile.id] ?? emulatorCredentials(profile.id, 'https://emulator.test');
      for (const operation of profile.operations.filter((candidate) => candidate.custom !== true)) {
        const params: OperationParams = {};
        operation.parameters.forEach((parameter, index) => {
          params[parameter.name] = sampleValue(parameter, index) as OperationParams[string];
        });
        const request = buildOperationRequest(
          bindCredentials(profile, credentials),
          operation.id,
          params,
        );
        const serialized = JSON.stringify(request);
        for (const [index, parameter] of operation.parameters.entries()) {
          const value = sampleValue(parameter, index);
          const needle =
            Array.isArray(value) && typeof value[0] === 'string'
              ? value[0]
              : typeof value === 'object'
                ? `v${index}x`
                : String(value);
          const found =
            parameter.in === 'path'
              ? request.url.includes(encodeURIComponent(needle))
              : serialized.includes(needle);
          expect({ id: operation.id, parameter: parameter.name, found }).toEqual({
            id: operation.id,
            parameter: parameter.name,
            found: true,
          });
        }
      }
    });

    it('gives every field and parameter a display name and a known type', () => {
      const types = ['string', 'number', 'boolean', 'options', 'multiOptions', 'json', 'dateTime'];
      const all = [
        ...profile.fields,
        ...profile.operations.flatMap((operation) => operation.parameters),
      ];
      for (const field of all) {
        expect(field.displayName.length).toBeGreaterThan(0);
        expect(types).toContain(field.type);
        if (field.type === 'options') expect(field.options?.length ?? 0).toBeGreaterThan(0);
      }
      for (const operation of profile.operations)
        expect(operation.description.length).toBeGreaterThan(10);
    });
  },
);
