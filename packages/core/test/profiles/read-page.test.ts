import { SwitchboardError } from '../../src/errors/switchboard-error';
import { readPage, withoutQueryAndFragment } from '../../src/operations/read-page';
import { mitelCloudLink } from '../../src/profiles/mitel-cloudlink';
import type { ProviderProfile } from '../../src/profiles/types';
import type { ApiRequest, ApiResponse } from '../../src/operations/types';

const request: ApiRequest = {
  method: 'GET',
  url: 'https://media.example.test/2017-09-01/calls/records',
  query: { $top: 2 },
  headers: { 'X-Mitel-App': 'app=x' },
  idempotent: true,
};
const respond = (data: unknown): ApiResponse => ({ status: 200, headers: {}, data });

describe('readPage, HAL collections', () => {
  it('reads items and follows a relative next link with its query', () => {
    const page = readPage(
      mitelCloudLink,
      'callRecord.list',
      request,
      respond({
        count: 5,
        _links: {
          self: { href: '/x' },
          next: { href: '/2017-09-01/calls/records?$top=2&$skip=2' },
        },
        _embedded: { items: [{ callId: 'a' }, { callId: 'b' }] },
      }),
    );
    expect(page.items).toEqual([{ callId: 'a' }, { callId: 'b' }]);
    expect(page.next).toEqual({
      method: 'GET',
      url: 'https://media.example.test/2017-09-01/calls/records',
      query: { $top: '2', $skip: '2' },
      headers: { 'X-Mitel-App': 'app=x' },
      idempotent: true,
    });
  });

  it('accepts an absolute next link given as a plain string', () => {
    const page = readPage(
      mitelCloudLink,
      'callRecord.list',
      request,
      respond({
        _links: { next: 'https://media.example.test/2017-09-01/calls/records?page=2' },
        _embedded: { items: [1] },
      }),
    );
    expect(page.next?.query).toEqual({ page: '2' });
  });

  it('stops at the last page, on an empty page and on a link to itself', () => {
    expect(
      readPage(mitelCloudLink, 'callRecord.list', request, respond({ _embedded: { items: [1] } }))
        .next,
    ).toBeUndefined();
    expect(
      readPage(
        mitelCloudLink,
        'callRecord.list',
        request,
        respond({ _links: { next: '/other' }, _embedded: { items: [] } }),
      ).next,
    ).toBeUndefined();
    const self = readPage(
      mitelCloudLink,
      'callRecord.list',
      request,
      respond({
        _links: { next: 'https://media.example.test/2017-09-01/calls/records?$top=2' },
        _embedded: { items: [1] },
      }),
    );
    expect(self.next).toBeUndefined();
  });

  it('refuses a next link to another host, so the token stays with the provider', () => {
    expect(() =>
      readPage(
        mitelCloudLink,
        'callRecord.list',
        request,
        respond({
          _links: { next: 'https://evil.test/steal' },
          _embedded: { items: [1] },
        }),
      ),
    ).toThrow(SwitchboardError);
  });
});

describe('readPage, other styles', () => {
  it('returns arrays as they are and objects as one item', () => {
    expect(readPage(mitelCloudLink, 'user.get', request, respond({ userId: 'u' })).items).toEqual([
      { userId: 'u' },
    ]);
    expect(readPage(mitelCloudLink, 'custom.request', request, respond([1, 2])).items).toEqual([
      1, 2,
    ]);
    expect(readPage(mitelCloudLink, 'subscription.delete', request, respond(null)).items).toEqual(
      [],
    );
  });

  it('advances offset paging while pages are full', () => {
    const offsetProfile: ProviderProfile = {
      ...mitelCloudLink,
      operations: [
        {
          ...mitelCloudLink.operations[0]!,
          id: 'thing.list',
          pagination: { style: 'offset', skipParam: '$skip', limitParam: '$top', pageSize: 2 },
        },
      ],
    };
    const first = readPage(
      offsetProfile,
      'thing.list',
      { ...request, query: { $top: 2 } },
      respond([1, 2]),
    );
    expect(first.next?.query).toEqual({ $top: 2, $skip: 2 });
    const second = readPage(offsetProfile, 'thing.list', first.next!, respond([3]));
    expect(second.items).toEqual([3]);
    expect(second.next).toBeUndefined();
  });
});

describe('withoutQueryAndFragment', () => {
  it.each([
    'https://api.example.com/v1/calls/records?$top=100&$skip=200',
    'https://api.example.com/v1/calls/records?',
    'https://api.example.com/v1/calls/records#',
    'https://api.example.com/v1/calls/records?a=1#frag?x',
    'https://api.example.com/v1/calls/records#frag?x=1',
    'https://user:p%3Fw%23d@api.example.com/v1/a%3Fb/c%23d?q=1',
    'https://api.example.com/v1/calls/records',
    'https://api.example.com/v1/with space/é?x=1',
  ])('%s is what clearing search and hash on the parsed URL gives', (link) => {
    const url = new URL(link);
    const viaSetters = new URL(url.href);
    viaSetters.search = '';
    viaSetters.hash = '';
    expect(withoutQueryAndFragment(url.href)).toBe(viaSetters.href);
  });
});
