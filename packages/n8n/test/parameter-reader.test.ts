import type { IExecuteFunctions, INodeParameters } from 'n8n-workflow';
import { parameterReader } from '../lib/parameter-reader';

/** A context whose stored parameters are `stored` and whose per-item values come from `value`. */
function contextWith(
  stored: INodeParameters,
  value: (name: string, itemIndex: number, fallback?: unknown) => unknown,
) {
  const reads: Array<[string, number]> = [];
  const context = {
    getNode: () => ({ parameters: stored }),
    getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
      reads.push([name, itemIndex]);
      return value(name, itemIndex, fallback);
    },
  } as unknown as IExecuteFunctions;
  return { context, reads };
}

describe('parameterReader', () => {
  it('reads a parameter without an expression once for all items', () => {
    const { context, reads } = contextWith({ resource: 'user', options: { top: 5 } }, (name) =>
      name === 'resource' ? 'user' : { top: 5 },
    );
    const read = parameterReader(context);

    const values = [0, 1, 2].map((item) => [read('resource', item), read('options', item, {})]);

    expect(values).toEqual([
      ['user', { top: 5 }],
      ['user', { top: 5 }],
      ['user', { top: 5 }],
    ]);
    expect(reads).toEqual([
      ['resource', 0],
      ['options', 0],
    ]);
  });

  it('reads an expression, even one nested in a collection, for every item', () => {
    const { context, reads } = contextWith(
      { userId: '={{ $json.id }}', options: { filter: ['plain', '={{ $json.name }}'] } },
      (name, item) => `${name}-${item}`,
    );
    const read = parameterReader(context);

    expect([0, 1].map((item) => read('userId', item))).toEqual(['userId-0', 'userId-1']);
    expect([0, 1].map((item) => read('options', item, {}))).toEqual(['options-0', 'options-1']);
    expect(reads).toHaveLength(4);
  });

  it('keeps a parameter absent from the node apart per fallback, and reads dotted paths per item', () => {
    const { context, reads } = contextWith({ options: {} }, (_name, _item, fallback) => fallback);
    const read = parameterReader(context);

    expect(read('limit', 0, 50)).toBe(50);
    expect(read('limit', 1, 10)).toBe(10);
    expect(read('limit', 2, 50)).toBe(50);
    expect(read('options.top', 0, 1)).toBe(1);
    expect(read('options.top', 1, 1)).toBe(1);
    expect(reads).toEqual([
      ['limit', 0],
      ['limit', 1],
      ['options.top', 0],
      ['options.top', 1],
    ]);
  });

  it('reads again after a failed read instead of keeping the failure', () => {
    let calls = 0;
    const { context } = contextWith({ resource: 'user' }, () => {
      calls += 1;
      if (calls === 1) throw new Error('Could not get parameter "resource"');
      return 'user';
    });
    const read = parameterReader(context);

    expect(() => read('resource', 0)).toThrow('Could not get parameter');
    expect(read('resource', 1)).toBe('user');
  });
});
