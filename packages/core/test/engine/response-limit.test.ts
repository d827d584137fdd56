import { exceedsUtf8Bytes, limitResponseSize } from '../../src/transport/response-limit';
import type { HttpRequest } from '../../src/transport/types';

describe('exceedsUtf8Bytes', () => {
  it.each([
    ['ascii at the limit', 'abcd', 4, false],
    ['ascii over the limit', 'abcde', 4, true],
    ['far under the limit', 'abc', 1000, false],
    ['two-byte characters over (é is 2 bytes)', 'éé', 3, true],
    ['two-byte characters at the limit', 'éé', 4, false],
    ['three-byte characters over (€ is 3 bytes)', '€€', 5, true],
    ['three-byte characters at the limit', '€€', 6, false],
    ['a surrogate pair is 4 bytes', '😀', 3, true],
    ['a surrogate pair at the limit', '😀', 4, false],
    ['empty text', '', 0, false],
  ])('%s', (_name, text, limit, expected) => {
    expect(exceedsUtf8Bytes(text, limit)).toBe(expected);
    expect(Buffer.byteLength(text, 'utf8') > limit).toBe(expected);
  });
});

describe('limitResponseSize', () => {
  const request: HttpRequest = { method: 'GET', url: 'https://api.example.com/v1', headers: {} };
  const answering = (body: string) =>
    limitResponseSize(() => Promise.resolve({ status: 200, headers: {}, body }));

  it('passes a body within the limit', async () => {
    await expect(answering('€€')({ ...request, maxResponseBytes: 6 })).resolves.toMatchObject({
      body: '€€',
    });
  });

  it('refuses a body over the limit counted in UTF-8 bytes, not characters', async () => {
    await expect(answering('€€')({ ...request, maxResponseBytes: 5 })).rejects.toMatchObject({
      code: 'response_too_large',
    });
  });
});
