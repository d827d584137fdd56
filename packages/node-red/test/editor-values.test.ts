// Pure parts of the editor bundle: how the API dialog fills a parameter it has no value for,
// which saved values it keeps, and how Test connection reads the endpoint's answer.
import { readDiagnosis } from '../src/browser/diagnosis-view';
import { defaultTyped, storedParams } from '../src/browser/typed-values';

describe('API dialog parameter values', () => {
  it("starts from the parameter's default in the typed input's own type", () => {
    expect(defaultTyped({ name: 'top', type: 'number', default: 50 })).toEqual({
      v: '50',
      t: 'num',
    });
    expect(defaultTyped({ name: 'types', type: 'multiOptions', default: [' a', 'b '] })).toEqual({
      v: 'a b',
      t: 'str',
    });
    expect(defaultTyped({ name: 'body', type: 'json', default: ['x'] })).toEqual({
      v: '["x"]',
      t: 'json',
    });
    expect(defaultTyped({ name: 'kind', type: 'options', options: ['a'] })).toEqual({
      v: '',
      t: 'option',
    });
  });

  it('keeps only well-formed saved values, as copies', () => {
    const saved = { accountId: { v: 'acme', t: 'msg' }, broken: { v: 1, t: 'num' }, other: 'x' };
    const stored = storedParams(saved);
    expect(stored).toEqual({ accountId: { v: 'acme', t: 'msg' } });
    expect(stored.accountId).not.toBe(saved.accountId);
    expect(storedParams(undefined)).toEqual({});
  });
});

describe('Test connection verdict', () => {
  it('reads verdict, hint and steps, leaving out fields of the wrong type', () => {
    expect(
      readDiagnosis({
        ok: false,
        summary: 'Sign-in failed: invalid_client',
        error: { hint: 'Check the client secret.' },
        steps: [{ ok: true, name: 'token URL', detail: 7 }, 'junk'],
      }),
    ).toEqual({
      ok: false,
      summary: 'Sign-in failed: invalid_client',
      hint: 'Check the client secret.',
      steps: [
        { ok: true, name: 'token URL', title: undefined, detail: undefined },
        { ok: false, name: undefined, title: undefined, detail: undefined },
      ],
    });
    expect(readDiagnosis('<html>')).toEqual({
      ok: false,
      summary: undefined,
      hint: undefined,
      steps: [],
    });
  });
});
