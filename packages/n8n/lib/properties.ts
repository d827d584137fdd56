// Profile fields (core's FieldDef) as n8n properties, shared by credentials and node parameters.
import type { FieldDef, FieldValue } from '@switchboard/core';
import type { INodeProperties, NodeParameterValue, NodePropertyTypes } from 'n8n-workflow';

export function fieldToProperty(field: FieldDef): INodeProperties {
  const type = propertyType(field);
  const property: INodeProperties = {
    displayName: field.displayName,
    name: field.name,
    type,
    default: defaultValue(field, type),
  };
  if (field.required === true) property.required = true;
  if (field.description !== undefined) property.description = field.description;
  if (field.placeholder !== undefined) property.placeholder = field.placeholder;
  else if (type === 'string' && field.type === 'multiOptions')
    property.placeholder = 'value one, value two';
  if (field.options !== undefined && (type === 'options' || type === 'multiOptions')) {
    property.options = field.options.map((option) => ({
      name: option.name,
      value: option.value,
      ...(option.description === undefined ? {} : { description: option.description }),
    }));
  }
  if (field.secret === true) property.typeOptions = { password: true };
  if (field.multiline === true) property.typeOptions = { ...property.typeOptions, rows: 4 };
  if (field.displayWhen !== undefined) {
    property.displayOptions = { show: showWhen(field.displayWhen) };
  }
  return property;
}

function propertyType(field: FieldDef): NodePropertyTypes {
  // n8n's multi-select offers no free text: lists that accept any value (Sangoma scopes) are
  // typed as space-separated text instead.
  if (field.type === 'multiOptions' && field.allowCustomValues === true) return 'string';
  return field.type;
}

function defaultValue(field: FieldDef, type: NodePropertyTypes): NodeParameterValue | string[] {
  const value: FieldValue | undefined = field.default;
  if (type === 'string' && Array.isArray(value)) return value.join(' ');
  if (value !== undefined) return value;
  switch (type) {
    case 'boolean':
      return false;
    case 'number':
      return 0;
    case 'multiOptions':
      return [];
    default:
      return '';
  }
}

function showWhen(
  displayWhen: Record<string, FieldValue[]>,
): Record<string, Array<NodeParameterValue>> {
  const show: Record<string, Array<NodeParameterValue>> = {};
  for (const [name, values] of Object.entries(displayWhen)) {
    show[name] = values.flatMap((value) => (Array.isArray(value) ? value : [value]));
  }
  return show;
}
