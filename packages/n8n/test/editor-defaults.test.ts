// A node left the way n8n's editor sets it up: only the required fields filled in, everything
// else at the editor's defaults. The request must carry the required parameters (and the
// profile's own defaults), never a value the user did not choose, such as `$top=0`.
import { profiles } from '@switchboard/core';
import type { OperationDef, ParameterDef, ProviderProfile } from '@switchboard/core';
import { NodeHelpers } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';
import { executeOperations } from '../lib/execute';
import { isPaged } from '@switchboard/core';
import { isOptional, nodeProperties } from '../lib/node-properties';
import { PROVIDERS, type ProviderBinding } from '../lib/providers';
import { fakeExecute } from './execute-fake';
import { sampleCredentials } from './fixtures';

function bindingOf(profile: ProviderProfile): ProviderBinding {
  const binding = Object.values(PROVIDERS).find((candidate) => candidate.profileId === profile.id);
  if (binding === undefined) throw new Error(`no binding for ${profile.id}`);
  return binding;
}

/** What a person types into a required field. */
function requiredValue(parameter: ParameterDef): unknown {
  if (parameter.type === 'json') return '[{"type": "user", "participantId": "u-1"}]';
  if (parameter.name === 'path') return '/things';
  return `typed-${parameter.name}`;
}

/** The node's parameters exactly as the editor stores them after filling the required fields. */
function editorParameters(profile: ProviderProfile, operation: OperationDef): INodeParameters {
  const properties = nodeProperties(profile);
  const chosen: INodeParameters = { resource: operation.resource, operation: operation.operation };
  for (const parameter of operation.parameters) {
    if (parameter.required === true && parameter.default === undefined) {
      chosen[parameter.name] = requiredValue(parameter) as string;
    }
  }
  const defaults = NodeHelpers.getNodeParameters(
    properties,
    chosen,
    true,
    false,
    {
      typeVersion: 1,
    },
    null,
  );
  if (defaults === null) throw new Error('n8n returned no parameters');
  return defaults;
}

/** Every wire name the request may carry: required parameters and profile defaults. */
function allowedWireNames(operation: OperationDef): Set<string> {
  const names = new Set<string>();
  for (const parameter of operation.parameters) {
    if (!isOptional(parameter)) names.add(parameter.wireName ?? parameter.name);
  }
  for (const key of Object.keys(operation.fixedBody ?? {})) names.add(key);
  for (const key of Object.keys(operation.bodyFromCredentials ?? {})) names.add(key);
  if (operation.pagination?.style === 'offset') names.add(operation.pagination.limitParam);
  return names;
}

describe('a node left at the editor’s defaults sends only what the user set', () => {
  for (const profile of profiles) {
    for (const operation of profile.operations) {
      for (const returnAll of isPaged(operation) ? [true, false] : [false]) {
        it(`${profile.id} ${operation.id}${returnAll ? ' (Return All)' : ''}`, async () => {
          const parameters = editorParameters(profile, operation);
          if (isPaged(operation)) parameters.returnAll = returnAll;
          const { context, sent } = fakeExecute({
            parameters,
            credentials: sampleCredentials(profile) as Record<string, string>,
            answer: () => ({
              body: { id: 'r-1', _embedded: { items: [{ id: 'r-1' }] }, _links: {} },
            }),
          });

          await executeOperations(context, profile, bindingOf(profile));

          expect(sent).toHaveLength(1);
          const request = sent[0]!;
          const allowed = allowedWireNames(operation);
          const sentNames = [
            ...Object.keys(request.qs ?? {}),
            ...(operation.custom === true
              ? []
              : Object.keys((request.body ?? {}) as Record<string, unknown>)),
          ];
          expect(sentNames.filter((name) => !allowed.has(name))).toEqual([]);
          for (const parameter of operation.parameters.filter((p) => p.in === 'query')) {
            if (isOptional(parameter)) {
              expect(request.qs ?? {}).not.toHaveProperty(parameter.wireName ?? parameter.name);
            }
          }
          if (operation.custom === true) expect(request.body).toBeUndefined();
        });
      }
    }
  }

  it('Mitel user list with Return All and nothing else set sends no $top', async () => {
    const mitel = profiles.find((profile) => profile.id === 'mitel-cloudlink')!;
    const operation = mitel.operations.find((candidate) => candidate.id === 'user.list')!;
    const parameters = { ...editorParameters(mitel, operation), returnAll: true };
    const { context, sent } = fakeExecute({
      parameters,
      credentials: sampleCredentials(mitel) as Record<string, string>,
      answer: () => ({ body: { count: 0, _embedded: { items: [] }, _links: {} } }),
    });
    await executeOperations(context, mitel, PROVIDERS['mitel-cloudlink']);
    expect(parameters).toMatchObject({ options: {} });
    expect(sent[0]?.qs).toBeUndefined();
  });
});
