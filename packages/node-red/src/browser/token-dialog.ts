// The token node dialog: any Switchboard connection (every provider's config type) can be
// picked, and a new one of any provider can be added from the dialog.
import type { TokenMeta } from './meta';
import { definitionLabel, translator } from './translate';

let onConnectionAdded: ((config: SwitchboardEditorNode) => void) | undefined;

function fillConnections(
  select: SwitchboardJQuery,
  meta: TokenMeta,
  t: SwitchboardTranslate,
  selected: string,
): void {
  select.empty();
  $('<option>').val('').text(t('token.selectConnection')).appendTo(select);
  RED.nodes.eachConfig((config) => {
    if (!meta.connectionTypes.includes(config.type)) return;
    const provider = definitionLabel(RED.nodes.getType(config.type), config.type);
    $('<option>')
      .val(config.id)
      .text(`${config.name || config.id} (${provider})`)
      .appendTo(select);
  });
  select.val(selected);
}

function fillProviders(meta: TokenMeta): void {
  const select = $('#switchboard-token-provider').empty();
  for (const type of meta.connectionTypes) {
    $('<option>')
      .val(type)
      .text(definitionLabel(RED.nodes.getType(type), type))
      .appendTo(select);
  }
}

export function closeToken(): void {
  if (onConnectionAdded) RED.events.off('nodes:add', onConnectionAdded);
  onConnectionAdded = undefined;
}

export function prepareToken(node: SwitchboardEditorNode, meta: TokenMeta): void {
  const t = translator(node);
  const connection = typeof node.connection === 'string' ? node.connection : '';
  // Held, not looked up: while the new connection's dialog is open Node-RED detaches this one.
  const select = $('#node-input-connection');
  fillConnections(select, meta, t, connection);
  fillProviders(meta);
  closeToken();
  // Node-RED adds the new config node when its dialog's Add is pressed: offer and select it.
  onConnectionAdded = (config) => {
    if (meta.connectionTypes.includes(config.type)) fillConnections(select, meta, t, config.id);
  };
  RED.events.on('nodes:add', onConnectionAdded);
  $('#switchboard-token-add').on('click', (event) => {
    event.preventDefault();
    const type = $('#switchboard-token-provider').val();
    if (typeof type === 'string' && type) RED.editor.editConfig('', type, '_ADD_', undefined, node);
  });
}
