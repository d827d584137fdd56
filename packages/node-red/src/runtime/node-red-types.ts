// The small part of Node-RED's runtime API these nodes use (stable since Node-RED 1.0).
import type { NodeStatus } from './status';

export type NodeMessage = Record<string, unknown> & { _msgid?: string };

export type SendFunction = (msg: NodeMessage | NodeMessage[] | null) => void;
export type DoneFunction = (error?: Error) => void;

export interface NodeInstance {
  id: string;
  type: string;
  name?: string;
  credentials?: Record<string, unknown>;
  on(
    event: 'input',
    listener: (msg: NodeMessage, send: SendFunction, done: DoneFunction) => void,
  ): void;
  on(event: 'close', listener: (removed: boolean, done: () => void) => void): void;
  status(status: NodeStatus | Record<string, never>): void;
  send(msg: NodeMessage | NodeMessage[] | null): void;
  log(message: string): void;
  warn(message: string): void;
  error(message: string | Error, msg?: NodeMessage): void;
  debug(message: string): void;
}

export interface NodeDefinition {
  id: string;
  type: string;
  name?: string;
  [property: string]: unknown;
}

export type NodeConstructor = (this: NodeInstance, definition: NodeDefinition) => void;

export interface CredentialDefinition {
  type: 'text' | 'password';
}

export interface HttpRequest {
  body: unknown;
  params: Record<string, string>;
}

export interface HttpResponse {
  status(code: number): HttpResponse;
  json(body: unknown): void;
  sendStatus(code: number): void;
}

export type HttpHandler = (req: HttpRequest, res: HttpResponse, next?: () => void) => void;

export interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

export interface HttpRouter {
  post(path: string, ...handlers: HttpHandler[]): void;
  get(path: string, ...handlers: HttpHandler[]): void;
  _router?: { stack: ExpressLayer[] };
  router?: { stack: ExpressLayer[] };
}

export interface NodeRedApi {
  nodes: {
    createNode(node: NodeInstance, definition: NodeDefinition): void;
    registerType(
      type: string,
      constructor: NodeConstructor,
      options?: { credentials?: Record<string, CredentialDefinition> },
    ): void;
    getNode(id: string): NodeInstance | null;
    /** Every node definition of the deployed flows, disabled ones included. */
    eachNode(callback: (definition: NodeDefinition) => void): void;
    getCredentials(id: string): Record<string, unknown> | undefined;
  };
  util: {
    evaluateNodeProperty(
      value: unknown,
      type: string,
      node: NodeInstance,
      msg: NodeMessage,
      callback: (error: Error | null, result: unknown) => void,
    ): void;
    cloneMessage<T>(msg: T): T;
  };
  settings: {
    userDir?: string;
    httpNodeRoot?: string | false;
    /** settings.js `logging`: one entry per logger (console, custom handlers), each a level. */
    logging?: Record<string, { level?: string } | undefined>;
  };
  httpAdmin: HttpRouter;
  httpNode: HttpRouter;
  auth: { needsPermission(permission: string): HttpHandler };
}
