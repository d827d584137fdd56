import { DestinationCheck, startsWithOrigin } from '../../src/client/destination-check';

describe('startsWithOrigin', () => {
  it.each([
    'https://api.example.com',
    'https://api.example.com/',
    'https://api.example.com/v1/calls?$top=100',
    'https://api.example.com?x=1',
    'https://api.example.com#top',
  ])('recognises %s as on https://api.example.com', (url) => {
    expect(startsWithOrigin(url, 'https://api.example.com')).toBe(true);
  });

  it.each([
    'https://api.example.com@evil.example/v1',
    'https://api.example.com.evil.example/v1',
    'https://api.example.com:443/v1',
    'https://api.example.com:8443/v1',
    'https://API.example.com/v1',
    'https://api.example.com\\@evil.example/v1',
    'http://api.example.com/v1',
    'https://evil.example/https://api.example.com/',
  ])('leaves %s to the URL parser', (url) => {
    expect(startsWithOrigin(url, 'https://api.example.com')).toBe(false);
  });
});

describe('DestinationCheck', () => {
  const allowedOrigins = ['https://api.example.com'];

  it('lets URLs on an allowed origin through, the first one and every later one', () => {
    const check = new DestinationCheck({ allowedOrigins, provider: 'test' });
    expect(() => check.check('https://api.example.com/v1/calls')).not.toThrow();
    expect(() => check.check('https://api.example.com/v1/calls?$skip=100')).not.toThrow();
  });

  it('still refuses another origin after an allowed one has passed', () => {
    const check = new DestinationCheck({ allowedOrigins, provider: 'test' });
    check.check('https://api.example.com/v1/calls');
    for (const url of [
      'https://api.example.com@evil.example/v1',
      'https://api.example.com.evil.example/v1',
      'https://api.example.com:8443/v1',
      'https://evil.example/v1',
    ]) {
      expect(() => check.check(url)).toThrow(/is not on test's API .*the token is only sent there/);
    }
  });

  it('accepts the same origin spelled with its default port or upper case (the parser decides)', () => {
    const check = new DestinationCheck({ allowedOrigins });
    expect(() => check.check('https://API.example.com:443/v1')).not.toThrow();
  });

  it('refuses plain HTTP to a non-loopback host even when the origin is allowed', () => {
    const check = new DestinationCheck({ allowedOrigins: ['http://api.example.com'] });
    expect(() => check.check('http://api.example.com/v1')).toThrow(/plain HTTP/);
    expect(() => check.check('http://api.example.com/v1')).toThrow(/plain HTTP/);
  });

  it('lets plain HTTP through to loopback, and elsewhere only with the opt-in', () => {
    expect(() => new DestinationCheck().check('http://127.0.0.1:8080/v1')).not.toThrow();
    const optedIn = new DestinationCheck({ allowInsecureHttp: true });
    expect(() => optedIn.check('http://lab.example/v1')).not.toThrow();
  });

  it('without allowed origins sends anywhere secure, and keeps refusing insecure hosts', () => {
    const check = new DestinationCheck();
    expect(() => check.check('https://one.example/v1')).not.toThrow();
    expect(() => check.check('https://two.example/v1')).not.toThrow();
    expect(() => check.check('http://three.example/v1')).toThrow(/plain HTTP/);
  });

  it('refuses a string that is no URL when origins are restricted', () => {
    const check = new DestinationCheck({ allowedOrigins });
    expect(() => check.check('not a url')).toThrow(/is not on the provider's API/);
  });
});
