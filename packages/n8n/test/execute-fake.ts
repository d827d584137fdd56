// A small stand-in for n8n's IExecuteFunctions: parameters per item, one credential, and an
// httpRequestWithAuthentication that records every request and answers from a callback.
import type {
  ICredentialDataDecryptedObject,
  IExecuteFunctions,
  IHttpRequestOptions,
  INode,
  INodeExecutionData,
  INodeParameters,
  NodeParameterValue,
} from 'n8n-workflow';

export interface FakeAnswer {
  statusCode?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface FakeExecute {
  context: IExecuteFunctions;
  sent: IHttpRequestOptions[];
  credentialTypes: string[];
}

/**
 * The node as n8n stores it: a parameter with the same value on every item is that value; one
 * that differs between items can only come from an expression there, so it is one.
 */
function nodeOf(perItem: Array<Record<string, unknown>>): INode {
  const parameters: INodeParameters = {};
  const names = new Set(perItem.flatMap((parameters) => Object.keys(parameters)));
  for (const name of names) {
    const values = new Set(perItem.map((parameters) => JSON.stringify(parameters[name])));
    parameters[name] =
      values.size === 1 ? (perItem[0]?.[name] as NodeParameterValue) : '={{ $json.perItem }}';
  }
  return {
    id: 'node-1',
    name: 'Switchboard',
    type: 'test.switchboard',
    typeVersion: 1,
    position: [0, 0],
    parameters,
  };
}

export function fakeExecute(options: {
  parameters: Record<string, unknown> | Array<Record<string, unknown>>;
  credentials: ICredentialDataDecryptedObject;
  answer?: (request: IHttpRequestOptions, index: number) => FakeAnswer | Promise<FakeAnswer>;
  continueOnFail?: boolean;
}): FakeExecute {
  const perItem = Array.isArray(options.parameters) ? options.parameters : [options.parameters];
  const node = nodeOf(perItem);
  const sent: IHttpRequestOptions[] = [];
  const credentialTypes: string[] = [];
  const answer: (request: IHttpRequestOptions, index: number) => FakeAnswer | Promise<FakeAnswer> =
    options.answer ?? (() => ({ body: {} }));
  const context = {
    getInputData: (): INodeExecutionData[] => perItem.map(() => ({ json: {} })),
    getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
      const parameters = perItem[itemIndex] ?? {};
      if (name in parameters) return parameters[name];
      if (fallback !== undefined) return fallback;
      throw new Error(`Could not get parameter "${name}"`);
    },
    getCredentials: async () => ({ ...options.credentials }),
    getNode: () => node,
    continueOnFail: () => options.continueOnFail === true,
    helpers: {
      async httpRequestWithAuthentication(credentialType: string, request: IHttpRequestOptions) {
        credentialTypes.push(credentialType);
        sent.push(request);
        const reply = await answer(request, sent.length - 1);
        return {
          statusCode: reply.statusCode ?? 200,
          statusMessage: 'OK',
          headers: reply.headers ?? {},
          body: reply.body,
        };
      },
    },
  } as unknown as IExecuteFunctions;
  return { context, sent, credentialTypes };
}

/** What n8n's authenticated helper throws for a non-2xx answer (NodeApiError around axios). */
export function httpFailure(
  status: number,
  data: unknown,
  headers: Record<string, string> = {},
): Error {
  const axiosLike = Object.assign(new Error(`Request failed with status code ${status}`), {
    response: { status, headers, data },
  });
  return Object.assign(new Error('The resource you are requesting could not be found'), {
    cause: axiosLike,
    httpCode: String(status),
  });
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function failureOf<E = Error>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error('expected a failure, but it succeeded');
}
