// Opt-in token node: puts "Authorization: Bearer <token>" on msg.headers for people who call an
// endpoint with the stock http request node. The only place a token ever enters a message.
import { TOKEN_NODE_TYPE } from '../names';
import { usableConnection } from './config-node';
import { reportableError } from './errors';
import type {
  DoneFunction,
  NodeDefinition,
  NodeInstance,
  NodeMessage,
  NodeRedApi,
  SendFunction,
} from './node-red-types';
import { errorStatus, REQUESTING_TOKEN } from './status';

function minutesLeft(expiresAt: number): string {
  const minutes = Math.max(0, Math.floor((expiresAt - Date.now()) / 60_000));
  return minutes >= 120 ? `${Math.floor(minutes / 60)} h` : `${minutes} min`;
}

export function registerTokenNode(RED: NodeRedApi): void {
  function SwitchboardTokenNode(this: NodeInstance, definition: NodeDefinition): void {
    RED.nodes.createNode(this, definition);
    start(this, definition);
  }

  function start(node: NodeInstance, definition: NodeDefinition): void {
    node.on('input', (msg: NodeMessage, send: SendFunction, done: DoneFunction) => {
      Promise.resolve()
        .then(async () => {
          const connection = usableConnection(RED, definition.connection);
          node.status(REQUESTING_TOKEN);
          const token = await connection.tokens.getToken();
          const headers =
            msg.headers !== null && typeof msg.headers === 'object' ? (msg.headers as object) : {};
          msg.headers = { ...headers, Authorization: `${token.tokenType} ${token.accessToken}` };
          node.status({
            fill: 'green',
            shape: 'dot',
            text: `token valid ${minutesLeft(token.expiresAt)}`,
          });
          send(msg);
          done();
        })
        .catch((error: unknown) => {
          const reportable = reportableError(error);
          node.status(errorStatus(reportable));
          done(reportable);
        });
    });
  }
  RED.nodes.registerType(TOKEN_NODE_TYPE, SwitchboardTokenNode);
}
