// The API node dialog: resource and operation pickers, one typed input per parameter of the
// chosen operation, and the paging rows for lists. Texts from the switchboard-api catalogue.
import {
  operationTextKey,
  paletteLabelKey,
  parameterOptionKey,
  parameterTextKey,
  resourceKey,
} from './keys';
import type { ApiMeta, DialogOperation, DialogParameter } from './meta';
import { defaultTyped, DYNAMIC_TYPES, storedParams, TYPED_BY_FIELD } from './typed-values';
import type { TypedValue } from './typed-values';
import { translator } from './translate';

function typedInputTypes(
  meta: ApiMeta,
  operation: DialogOperation,
  parameter: DialogParameter,
  t: SwitchboardTranslate,
): Array<string | SwitchboardTypedInputType> {
  if (parameter.type === 'options' && parameter.options) {
    const choice: SwitchboardTypedInputType = {
      value: 'option',
      label: t('api.fixedValue'),
      options: parameter.options.map((value) => ({
        value,
        label: t(parameterOptionKey(meta.provider, operation.id, parameter.name, value)),
      })),
    };
    return [choice, ...DYNAMIC_TYPES.filter((type) => type !== 'jsonata')];
  }
  return [TYPED_BY_FIELD[parameter.type] ?? 'str', ...DYNAMIC_TYPES];
}

function operationById(meta: ApiMeta, id: unknown): DialogOperation | undefined {
  return meta.operations.find((operation) => operation.id === id);
}

function renderParameters(
  meta: ApiMeta,
  operation: DialogOperation | undefined,
  stored: Record<string, TypedValue>,
  t: SwitchboardTranslate,
): void {
  const container = $('#switchboard-params').empty();
  $('#switchboard-operation-description').text(
    operation ? t(operationTextKey(meta.provider, operation.id, 'description')) : '',
  );
  if (!operation) return;
  for (const parameter of operation.parameters) {
    const key = (part: 'label' | 'placeholder' | 'help'): string =>
      t(parameterTextKey(meta.provider, operation.id, parameter.name, part));
    const help = parameter.help ? key('help') : '';
    const row = $('<div class="form-row switchboard-param">').appendTo(container);
    $('<label>')
      .attr('title', help)
      .text(key('label') + (parameter.required ? ' *' : ''))
      .appendTo(row);
    const input = $('<input type="text" class="switchboard-param-input">')
      .attr('data-name', parameter.name)
      .attr('id', `switchboard-param-${parameter.name}`)
      .css('width', '70%')
      .appendTo(row);
    if (parameter.placeholder) input.attr('placeholder', key('placeholder'));
    const typed = stored[parameter.name] ?? defaultTyped(parameter);
    input.typedInput({ types: typedInputTypes(meta, operation, parameter, t), default: typed.t });
    input.typedInput('type', typed.t);
    input.typedInput('value', typed.v);
    if (help) $('<div class="switchboard-param-help">').text(help).appendTo(container);
  }
  $('.switchboard-paging').toggle(operation.paged);
  $('.switchboard-limit').toggle(operation.paged && !$('#node-input-returnAll').is(':checked'));
}

function fillOperations(
  meta: ApiMeta,
  resource: unknown,
  t: SwitchboardTranslate,
  selected?: string,
): string | undefined {
  const select = $('#switchboard-operation').empty();
  for (const operation of meta.operations) {
    if (operation.resource !== resource) continue;
    $('<option>')
      .val(operation.id)
      .text(t(operationTextKey(meta.provider, operation.id, 'label')))
      .appendTo(select);
  }
  if (selected && operationById(meta, selected)?.resource === resource) select.val(selected);
  const value = select.val();
  return typeof value === 'string' ? value : undefined;
}

export function prepareApi(node: SwitchboardEditorNode, meta: ApiMeta): void {
  const t = translator(node);
  const stored = storedParams(node.params);
  const current = operationById(meta, node.operation) ?? meta.operations[0];
  const resourceSelect = $('#switchboard-resource').empty();
  for (const resource of meta.resources) {
    $('<option>')
      .val(resource)
      .text(t(resourceKey(meta.provider, resource)))
      .appendTo(resourceSelect);
  }
  resourceSelect.val(current ? current.resource : '');
  fillOperations(meta, resourceSelect.val(), t, current?.id);
  renderParameters(meta, current, stored, t);
  resourceSelect.on('change', () => {
    const id = fillOperations(meta, resourceSelect.val(), t);
    renderParameters(meta, operationById(meta, id), stored, t);
  });
  $('#switchboard-operation').on('change', function () {
    renderParameters(meta, operationById(meta, $(this).val()), stored, t);
  });
  $('#node-input-returnAll').on('change', function () {
    $('.switchboard-limit').toggle(!$(this).is(':checked'));
  });
}

export function saveApi(node: SwitchboardEditorNode): void {
  node.operation = $('#switchboard-operation').val();
  const params: Record<string, TypedValue> = {};
  $('.switchboard-param-input').each(function () {
    const input = $(this);
    const name = input.attr('data-name');
    if (name) params[name] = { v: input.typedInput('value'), t: input.typedInput('type') };
  });
  node.params = params;
}

/** The node's label on the canvas: its name, else the operation, else the provider. */
export function operationLabel(node: SwitchboardEditorNode, meta: ApiMeta): string {
  const t = translator(node);
  const operation = operationById(meta, node.operation);
  if (node.name) return node.name;
  return t(
    operation
      ? operationTextKey(meta.provider, operation.id, 'label')
      : paletteLabelKey(meta.provider),
  );
}
