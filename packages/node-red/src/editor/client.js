// Editor-side behaviour shared by every Switchboard node dialog. Runs in the Node-RED editor
// (a browser): plain ES2017, jQuery and RED are globals. Inlined into each node's .html at build
// time; the first copy to load defines window.SwitchboardEditor, the others reuse it.
/* global window */
(function () {
  'use strict';
  if (window.SwitchboardEditor) return;

  var CONFIG_PREFIX = 'node-config-input-';
  var TYPED_BY_FIELD = {
    string: 'str',
    number: 'num',
    boolean: 'bool',
    json: 'json',
    dateTime: 'str',
    multiOptions: 'str',
  };
  var DYNAMIC_TYPES = ['msg', 'flow', 'global', 'env', 'jsonata'];

  function inputValue(input) {
    if (input.is(':checkbox')) return input.is(':checked');
    return input.val();
  }

  /** True when the field's displayWhen conditions hold for the current dialog values. */
  function isShown(field, valueOf) {
    if (!field.displayWhen) return true;
    return Object.keys(field.displayWhen).every(function (name) {
      var allowed = field.displayWhen[name].map(String);
      return allowed.indexOf(String(valueOf(name))) !== -1;
    });
  }

  function storedValue(node, fields, name) {
    var field = fields.find(function (candidate) {
      return candidate.name === name;
    });
    if (!field) return undefined;
    return field.secret ? (node.credentials || {})[name] : node[name];
  }

  /** Node-RED `validate` for a profile field of a config node. */
  function validField(node, fields, name, value) {
    var field = fields.find(function (candidate) {
      return candidate.name === name;
    });
    if (!field || !field.required) return true;
    var valueOf = function (other) {
      var input = $('#' + CONFIG_PREFIX + other);
      return input.length ? inputValue(input) : storedValue(node, fields, other);
    };
    if (!isShown(field, valueOf)) return true;
    return value !== undefined && value !== null && String(value).trim() !== '';
  }

  function dialogValues(fields) {
    var values = {};
    fields.forEach(function (field) {
      var input = $('#' + CONFIG_PREFIX + field.name);
      if (input.length) values[field.name] = inputValue(input);
    });
    values.tokenStore = $('#' + CONFIG_PREFIX + 'tokenStore').val();
    return values;
  }

  function refreshRows(fields) {
    var valueOf = function (name) {
      return inputValue($('#' + CONFIG_PREFIX + name));
    };
    fields.forEach(function (field) {
      $('.switchboard-field-' + field.name).toggle(isShown(field, valueOf));
    });
    var store = $('#' + CONFIG_PREFIX + 'tokenStore').val();
    $('.switchboard-store-file').toggle(store === 'file');
    $('.switchboard-store-redis').toggle(store === 'redis');
    $('.switchboard-store-key').toggle(store === 'file' || store === 'redis');
  }

  function showVerdict(result, diagnosis) {
    result.empty().removeClass('switchboard-ok switchboard-failed');
    result.addClass(diagnosis.ok ? 'switchboard-ok' : 'switchboard-failed');
    $('<div class="switchboard-verdict">')
      .text((diagnosis.ok ? '✔ ' : '✘ ') + (diagnosis.summary || ''))
      .appendTo(result);
    if (diagnosis.error && diagnosis.error.hint) {
      $('<div class="switchboard-hint">').text(diagnosis.error.hint).appendTo(result);
    }
    (diagnosis.steps || []).forEach(function (step) {
      var text =
        (step.ok ? '✔ ' : '✘ ') +
        (step.name || step.title || '') +
        (step.detail ? ': ' + step.detail : '');
      $('<div class="switchboard-step">').text(text).appendTo(result);
    });
  }

  function testConnection(node, meta) {
    var result = $('#switchboard-test-result');
    result.removeClass('switchboard-ok switchboard-failed').text('Testing…');
    $.ajax({
      url: 'switchboard/diagnose/' + meta.provider,
      type: 'POST',
      contentType: 'application/json',
      data: JSON.stringify({ id: node.id, values: dialogValues(meta.fields) }),
      dataType: 'json',
    })
      .done(function (diagnosis) {
        showVerdict(result, diagnosis);
      })
      .fail(function (xhr) {
        showVerdict(result, {
          ok: false,
          summary: 'The test could not run (HTTP ' + xhr.status + ').',
          error: {
            hint:
              xhr.status === 401 || xhr.status === 403
                ? 'Your editor user may not run connection tests.'
                : 'Check that Node-RED is running.',
          },
        });
      });
  }

  function prepareConfig(node, meta) {
    var watched = {};
    meta.fields.forEach(function (field) {
      Object.keys(field.displayWhen || {}).forEach(function (name) {
        watched[name] = true;
      });
    });
    Object.keys(watched)
      .concat(['tokenStore'])
      .forEach(function (name) {
        $('#' + CONFIG_PREFIX + name).on('change', function () {
          refreshRows(meta.fields);
        });
      });
    refreshRows(meta.fields);
    $('#switchboard-test-connection').on('click', function (event) {
      event.preventDefault();
      testConnection(node, meta);
    });
  }

  // ---- API node ----

  function typedInputTypes(parameter) {
    if (parameter.type === 'options' && parameter.options) {
      return [
        {
          value: 'option',
          label: 'value',
          options: parameter.options.map(function (option) {
            return { value: option.value, label: option.name };
          }),
        },
      ].concat(DYNAMIC_TYPES.filter((type) => type !== 'jsonata'));
    }
    return [TYPED_BY_FIELD[parameter.type] || 'str'].concat(DYNAMIC_TYPES);
  }

  function defaultTyped(parameter) {
    var type = parameter.type === 'options' ? 'option' : TYPED_BY_FIELD[parameter.type] || 'str';
    var value = parameter.default === undefined ? '' : parameter.default;
    if (Array.isArray(value)) value = value.join(' ');
    if (type === 'json' && typeof value !== 'string') value = JSON.stringify(value);
    return { v: String(value), t: type };
  }

  function operationById(meta, id) {
    return meta.operations.find(function (operation) {
      return operation.id === id;
    });
  }

  function renderParameters(meta, operation, stored) {
    var container = $('#switchboard-params').empty();
    $('#switchboard-operation-description').text(operation ? operation.description : '');
    if (!operation) return;
    operation.parameters.forEach(function (parameter) {
      var row = $('<div class="form-row switchboard-param">').appendTo(container);
      $('<label>')
        .attr('title', parameter.description || '')
        .text(parameter.displayName + (parameter.required ? ' *' : ''))
        .appendTo(row);
      var input = $('<input type="text" class="switchboard-param-input">')
        .attr('data-name', parameter.name)
        .attr('id', 'switchboard-param-' + parameter.name)
        .css('width', '70%')
        .appendTo(row);
      if (parameter.placeholder) input.attr('placeholder', parameter.placeholder);
      var typed = stored[parameter.name] || defaultTyped(parameter);
      input.typedInput({ types: typedInputTypes(parameter), default: typed.t });
      input.typedInput('type', typed.t);
      input.typedInput('value', typed.v);
      if (parameter.description) {
        $('<div class="switchboard-param-help">').text(parameter.description).appendTo(container);
      }
    });
    var paged = operation.pagination && operation.pagination.style !== 'none';
    $('.switchboard-paging').toggle(Boolean(paged));
    $('.switchboard-limit').toggle(Boolean(paged) && !$('#node-input-returnAll').is(':checked'));
  }

  function fillOperations(meta, resource, selected) {
    var select = $('#switchboard-operation').empty();
    meta.operations
      .filter(function (operation) {
        return operation.resource === resource;
      })
      .forEach(function (operation) {
        $('<option>').val(operation.id).text(operation.displayName).appendTo(select);
      });
    if (selected && select.find('option[value="' + selected + '"]').length) select.val(selected);
    return select.val();
  }

  function prepareApi(node, meta) {
    var stored = $.extend(true, {}, node.params || {});
    var current = operationById(meta, node.operation) || meta.operations[0];
    var resourceSelect = $('#switchboard-resource').empty();
    meta.resources.forEach(function (resource) {
      $('<option>').val(resource.value).text(resource.name).appendTo(resourceSelect);
    });
    resourceSelect.val(current ? current.resource : '');
    fillOperations(meta, resourceSelect.val(), current && current.id);
    renderParameters(meta, current, stored);
    resourceSelect.on('change', function () {
      var id = fillOperations(meta, resourceSelect.val());
      renderParameters(meta, operationById(meta, id), stored);
    });
    $('#switchboard-operation').on('change', function () {
      renderParameters(meta, operationById(meta, $(this).val()), stored);
    });
    $('#node-input-returnAll').on('change', function () {
      $('.switchboard-limit').toggle(!$(this).is(':checked'));
    });
  }

  function saveApi(node) {
    node.operation = $('#switchboard-operation').val();
    var params = {};
    $('.switchboard-param-input').each(function () {
      var input = $(this);
      params[input.attr('data-name')] = {
        v: input.typedInput('value'),
        t: input.typedInput('type'),
      };
    });
    node.params = params;
  }

  function operationLabel(meta, node) {
    var operation = operationById(meta, node.operation);
    return node.name || (operation ? operation.displayName : meta.displayName);
  }

  // ---- token node ----

  function prepareToken(node) {
    var select = $('#node-input-connection').empty();
    $('<option>').val('').text('Select a connection').appendTo(select);
    RED.nodes.eachConfig(function (config) {
      if (!/^switchboard-.+-config$/.test(config.type)) return;
      var provider = RED.nodes.getType(config.type);
      var label =
        (config.name || config.id) +
        ' (' +
        (provider && provider.paletteLabel ? provider.paletteLabel : config.type) +
        ')';
      $('<option>').val(config.id).text(label).appendTo(select);
    });
    select.val(node.connection || '');
  }

  window.SwitchboardEditor = {
    validField: validField,
    prepareConfig: prepareConfig,
    prepareApi: prepareApi,
    saveApi: saveApi,
    operationLabel: operationLabel,
    prepareToken: prepareToken,
    isShown: isShown,
  };
})();
