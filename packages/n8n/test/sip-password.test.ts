// Mitel users' sipPassword is left out of n8n items unless "Include SIP Password" is on; the
// option is an ordinary boolean node parameter generated from the profile.
import { getProfile } from '@switchboard/core';
import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';
import { executeOperations } from '../lib/execute';
import { nodeProperties } from '../lib/node-properties';
import { PROVIDERS } from '../lib/providers';
import { fakeExecute } from './execute-fake';
import { sampleCredentials } from './fixtures';

const mitel = getProfile('mitel-cloudlink');
const credentials = sampleCredentials(mitel) as ICredentialDataDecryptedObject;
const user = { userId: 'u-1', name: 'Ann', sipPassword: 'SIP-SECRET-0001' };

function answerFor(operation: string) {
  return () => ({
    body: operation === 'list' ? { _links: {}, _embedded: { items: [user, user] } } : user,
  });
}

describe('Mitel sipPassword in n8n', () => {
  it.each([
    ['list', { accountId: 'acct-1', returnAll: true }],
    ['get', { userId: 'u-1' }],
  ])('user %s leaves it out by default and keeps it when asked', async (operation, extra) => {
    for (const keep of [false, true]) {
      const fake = fakeExecute({
        parameters: { resource: 'user', operation, ...extra, includeSensitiveFields: keep },
        credentials,
        answer: answerFor(operation),
      });
      const [items] = await executeOperations(fake.context, mitel, PROVIDERS['mitel-cloudlink']);
      expect(items?.length).toBeGreaterThan(0);
      expect(JSON.stringify(items).includes('SIP-SECRET-0001')).toBe(keep);
      expect(JSON.stringify(fake.sent)).not.toContain('includeSensitiveFields');
    }
  });

  it('shows "Include SIP Password" (off) for list users, get user and the custom request', () => {
    const options = nodeProperties(mitel).filter(
      (property: INodeProperties) => property.name === 'includeSensitiveFields',
    );
    const shownFor = options.map((property) => property.displayOptions?.show?.operation?.[0]);
    expect(shownFor.sort()).toEqual(['get', 'list', 'request']);
    for (const property of options) {
      expect(property).toMatchObject({
        type: 'boolean',
        default: false,
        displayName: 'Include SIP Password',
      });
    }
  });
});
