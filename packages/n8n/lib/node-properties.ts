// A provider node's parameters, generated from the profile: Resource, Operation per resource,
// each operation's parameters, and Return All / Limit for paged lists.
//
// n8n gives every top-level parameter a value (numbers 0, booleans false), and the node would
// send it. So a parameter is top-level only when it is required or the profile gives it a
// default; every other one sits in the Options collection, absent until the user adds it.
import type { OperationDef, ParameterDef, ProviderProfile } from '@switchboard/core';
import { isPaged } from '@switchboard/core';
import type { INodeProperties } from 'n8n-workflow';
import { fieldToProperty } from './properties';

export const RETURN_ALL = 'returnAll';
export const LIMIT = 'limit';
/** The collection holding an operation's optional parameters. */
export const OPTIONS = 'options';

/** Optional and without a profile default: lives in Options, absent unless the user adds it. */
export function isOptional(parameter: ParameterDef): boolean {
  return parameter.required !== true && parameter.default === undefined;
}

export function nodeProperties(profile: ProviderProfile): INodeProperties[] {
  const resources = profile.resources.filter((resource) =>
    profile.operations.some((operation) => operation.resource === resource.value),
  );
  const properties: INodeProperties[] = [
    {
      displayName: 'Resource',
      name: 'resource',
      type: 'options',
      noDataExpression: true,
      options: resources.map((resource) => ({
        name: resource.name,
        value: resource.value,
        ...(resource.description === undefined ? {} : { description: resource.description }),
      })),
      default: resources[0]?.value ?? '',
    },
  ];
  for (const resource of resources) {
    const operations = profile.operations.filter(
      (operation) => operation.resource === resource.value,
    );
    properties.push({
      displayName: 'Operation',
      name: 'operation',
      type: 'options',
      noDataExpression: true,
      displayOptions: { show: { resource: [resource.value] } },
      options: operations.map((operation) => ({
        name: operation.displayName,
        value: operation.operation,
        description: operation.description,
        action: operation.displayName,
      })),
      default: operations[0]?.operation ?? '',
    });
  }
  for (const operation of profile.operations) {
    properties.push(...operationProperties(operation));
  }
  return properties;
}

function operationProperties(operation: OperationDef): INodeProperties[] {
  const show = { resource: [operation.resource], operation: [operation.operation] };
  const properties = operation.parameters
    .filter((parameter) => !isOptional(parameter))
    .map((parameter) => {
      const property = fieldToProperty(parameter);
      property.displayOptions = { show: { ...show, ...property.displayOptions?.show } };
      return property;
    });
  const optional = operation.parameters.filter(isOptional);
  if (optional.length > 0) {
    properties.push({
      displayName: 'Options',
      name: OPTIONS,
      type: 'collection',
      placeholder: 'Add Option',
      default: {},
      displayOptions: { show },
      // n8n sorts nothing itself; alphabetical order is what its lint and users expect.
      options: optional
        .map(fieldToProperty)
        .sort((a, b) => a.displayName.localeCompare(b.displayName)),
    });
  }
  if (isPaged(operation)) {
    properties.push(
      {
        displayName: 'Return All',
        name: RETURN_ALL,
        type: 'boolean',
        default: false,
        description: 'Whether to return all results or only up to a given limit',
        displayOptions: { show },
      },
      {
        displayName: 'Limit',
        name: LIMIT,
        type: 'number',
        typeOptions: { minValue: 1 },
        default: 50,
        description: 'Max number of results to return',
        displayOptions: { show: { ...show, [RETURN_ALL]: [false] } },
      },
    );
  }
  return properties;
}
