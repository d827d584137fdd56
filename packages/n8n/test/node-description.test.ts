import type { INodeProperties } from 'n8n-workflow';
import { isPaged, profiles } from '@switchboard/core';
import { providerNode } from './generated-class';
import { LIMIT, OPTIONS, RETURN_ALL, isOptional, nodeProperties } from '../lib/node-properties';

/**
 * Every parameter with the property that decides when it is shown: itself on the node, or its
 * Options collection (optional parameters live there, see node-properties.ts).
 */
function withOptions(
  properties: INodeProperties[],
): { property: INodeProperties; shownWith: INodeProperties }[] {
  return properties.flatMap((property) => [
    { property, shownWith: property },
    ...(property.type === 'collection'
      ? (property.options ?? [])
          .filter((option): option is INodeProperties => 'type' in option)
          .map((option) => ({ property: option, shownWith: property }))
      : []),
  ]);
}

describe('node descriptions generated from the profiles', () => {
  it('one node per provider, each usable as an AI tool with its own credential', () => {
    const nodes = profiles.map(providerNode);
    const credentials = nodes.map((node) => node.description.credentials?.[0]?.name);
    expect(credentials).toEqual(profiles.map((profile) => profile.platform.n8n.credentialName));
    // Saved in users' workflows: these must never change.
    expect(credentials).toEqual(
      expect.arrayContaining([
        'mitelCloudLinkApi',
        'dellCloudLinkCenterApi',
        'brightPatternApi',
        'sangomaCxApi',
        'switchboardOAuth2Api',
      ]),
    );
    for (const node of nodes) expect(node.description.usableAsTool).toBe(true);
  });

  for (const profile of profiles) {
    it(`${profile.id}: every operation is offered under its resource with its parameters`, () => {
      const properties = nodeProperties(profile);
      for (const operation of profile.operations) {
        const picker = properties.find(
          (property) =>
            property.name === 'operation' &&
            property.displayOptions?.show?.resource?.includes(operation.resource),
        );
        expect(
          picker?.options?.map((option) => ('value' in option ? option.value : undefined)),
        ).toContain(operation.operation);
        const shownFor = (name: string) =>
          properties.filter(
            (property) =>
              property.name === name &&
              property.displayOptions?.show?.resource?.includes(operation.resource) &&
              property.displayOptions.show.operation?.includes(operation.operation),
          );
        const options = shownFor(OPTIONS)[0]?.options ?? [];
        for (const parameter of operation.parameters) {
          if (isOptional(parameter)) {
            // Optional ones only inside Options, so an untouched node does not send them.
            expect(shownFor(parameter.name)).toHaveLength(0);
            expect(options.map((option) => option.name)).toContain(parameter.name);
          } else expect(shownFor(parameter.name)).toHaveLength(1);
        }
        expect(shownFor(RETURN_ALL)).toHaveLength(isPaged(operation) ? 1 : 0);
        expect(shownFor(LIMIT)).toHaveLength(isPaged(operation) ? 1 : 0);
      }
    });
  }

  it.each([
    [
      'mitel-cloudlink',
      [
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
    ],
    ['dell-cloudlink', ['auth.get', 'event.list']],
    ['sangoma-cx', ['agentBot.create', 'inbox.list']],
  ])('%s: offers the operations added from the provider’s specification', (id, ids) => {
    const profile = profiles.find((candidate) => candidate.id === id);
    const properties = nodeProperties(profile ?? profiles[0]!);
    for (const operationId of ids) {
      const [resource, operation] = operationId.split('.');
      const picker = properties.find(
        (property) =>
          property.name === 'operation' &&
          property.displayOptions?.show?.resource?.includes(resource ?? ''),
      );
      expect(picker?.options?.map((option) => ('value' in option ? option.value : ''))).toContain(
        operation,
      );
    }
    const names = withOptions(properties).map(({ property }) => property.name);
    if (id === 'mitel-cloudlink')
      expect(names).toEqual(expect.arrayContaining(['originateTimeout', 'skipToken', 'args']));
    if (id === 'sangoma-cx') expect(names).toContain('outgoingUrl');
  });

  it('offers Bright Pattern’s work and mobile phone and changePassword on create and update', () => {
    const bright = profiles.find((profile) => profile.id === 'bright-pattern');
    const properties = nodeProperties(bright ?? profiles[0]!);
    for (const name of ['workPhone', 'mobilePhone', 'changePassword']) {
      const shown = withOptions(properties)
        .filter(({ property }) => property.name === name)
        .flatMap(({ shownWith }) => shownWith.displayOptions?.show?.operation ?? []);
      expect(shown).toEqual(expect.arrayContaining(['create', 'update']));
    }
  });

  it('marks secret parameters as passwords', () => {
    const bright = profiles.find((profile) => profile.id === 'bright-pattern');
    const password = nodeProperties(bright ?? profiles[0]!).find(
      (property) => property.name === 'password',
    );
    expect(password?.typeOptions?.password).toBe(true);
  });
});
