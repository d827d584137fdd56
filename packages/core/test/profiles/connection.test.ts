// createConnection's options reach every request it makes, diagnose included.
import { createConnection } from '../../src/connection/connection';
import { getProfile } from '../../src/profiles/registry';
import type { SwitchboardError } from '../../src/errors/switchboard-error';
import type { Page } from '../../src/operations/types';
import { fakeTransport, statusResponse } from '../engine/fakes';
import { mitelCredentials } from './helpers';

describe('createConnection options', () => {
  it('diagnose uses the connection’s timeout, like its token and API requests', async () => {
    const transport = fakeTransport((request) =>
      request.url.endsWith('/token') && request.method === 'POST'
        ? statusResponse(201, { access_token: 'at-1', token_type: 'bearer', expires_in: 3600 })
        : statusResponse(200, { claims: { accountId: 'acct-1' } }),
    );
    const connection = createConnection(getProfile('mitel-cloudlink'), mitelCredentials, {
      transport,
      timeoutMs: 1234,
    });
    try {
      await connection.execute('auth.whoAmI', {});
      const diagnosis = await connection.diagnose();
      expect(diagnosis.ok).toBe(true);
      // token + who-am-I for execute, the same two for diagnose
      expect(transport.requests).toHaveLength(4);
      expect(transport.requests.map((request) => request.timeoutMs)).toEqual([
        1234, 1234, 1234, 1234,
      ]);
    } finally {
      await connection.close();
    }
  });
});

describe('connection.pages', () => {
  const users = 'https://admin.example.test/2017-09-01/accounts/acct-1/users';
  /** One user per page; `links` maps a page's query to the href of its next link. */
  function pagedUsers(links: Record<string, string>) {
    return fakeTransport((request) => {
      if (request.url.endsWith('/token'))
        return statusResponse(201, {
          access_token: 'at-1',
          token_type: 'bearer',
          expires_in: 3600,
        });
      const query = new URL(request.url).search;
      const next = links[query];
      return statusResponse(200, {
        _embedded: { items: [{ userId: query }] },
        _links: next === undefined ? {} : { next: { href: `${users}${next}` } },
      });
    });
  }

  async function readAll(links: Record<string, string>) {
    const transport = pagedUsers(links);
    const connection = createConnection(getProfile('mitel-cloudlink'), mitelCredentials, {
      transport,
    });
    const pages: Page[] = [];
    try {
      for await (const page of connection.pages('user.list', { accountId: 'acct-1', top: 1 }))
        pages.push(page);
      return { pages, error: undefined, transport };
    } catch (error: unknown) {
      return { pages, error: error as SwitchboardError, transport };
    } finally {
      await connection.close();
    }
  }

  it('stops A → B → A with an error naming the loop, after yielding A and B once', async () => {
    const { pages, error, transport } = await readAll({
      '?$top=1': '?$top=1&page=b',
      '?$top=1&page=b': '?$top=1',
    });
    expect(pages.map((page) => page.items)).toEqual([
      [{ userId: '?$top=1' }],
      [{ userId: '?$top=1&page=b' }],
    ]);
    expect(error).toMatchObject({ code: 'unexpected_response', provider: 'mitel-cloudlink' });
    expect(error?.message).toBe(
      `Pagination loop: page 3 would be GET ${users}?$top=1 again, which was already fetched as page 1; paging stopped.`,
    );
    expect(transport.requests.filter((request) => request.method === 'GET')).toHaveLength(2);
  });

  it('recognises a page whose link lists the same query parameters in another order', async () => {
    const { pages, error } = await readAll({
      '?$top=1': '?$skip=1&$top=1',
      '?$skip=1&$top=1': '?$skip=2&$top=1',
      '?$skip=2&$top=1': '?$top=1&$skip=1',
    });
    expect(pages).toHaveLength(3);
    expect(error?.message).toMatch(/page 4 would be .* already fetched as page 2;/);
  });

  it('still ends quietly on a next link to the page itself, and follows distinct pages to the end', async () => {
    const self = await readAll({ '?$top=1': '?$top=1' });
    expect(self.error).toBeUndefined();
    expect(self.pages).toHaveLength(1);
    const chain = await readAll({
      '?$top=1': '?$top=1&page=b',
      '?$top=1&page=b': '?$top=1&page=c',
    });
    expect(chain.error).toBeUndefined();
    expect(chain.pages).toHaveLength(3);
  });

  it('checks the parameters when the listing starts, and each listing starts anew', async () => {
    const transport = pagedUsers({});
    const connection = createConnection(getProfile('mitel-cloudlink'), mitelCredentials, {
      transport,
    });
    try {
      // Asking for the pages sends nothing and throws nothing; reading them reports the problem.
      const listing = connection.pages('user.list', { top: 1 });
      expect(transport.requests).toHaveLength(0);
      await expect(listing[Symbol.asyncIterator]().next()).rejects.toMatchObject({
        code: 'invalid_configuration',
      });
      const valid = connection.pages('user.list', { accountId: 'acct-1', top: 1 });
      for (let run = 0; run < 2; run += 1) {
        const pages: Page[] = [];
        for await (const page of valid) pages.push(page);
        expect(pages).toHaveLength(1);
      }
    } finally {
      await connection.close();
    }
  });
});
