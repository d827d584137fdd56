import { getProfile } from '@switchboard/core';
import type {
  IAuthenticate,
  ICredentialTestRequest,
  ICredentialType,
  INodeProperties,
  Icon,
} from 'n8n-workflow';
import {
  bearerAuthentication,
  credentialProperties,
  credentialTest,
  preAuthentication,
} from '../lib/credential';

const profile = getProfile('mitel-cloudlink');

export class MitelCloudLinkApi implements ICredentialType {
  name = 'mitelCloudLinkApi';

  displayName = 'Mitel CloudLink API';

  icon: Icon = { light: 'file:../icons/mitel.svg', dark: 'file:../icons/mitel.dark.svg' };

  documentationUrl = 'https://developer.mitel.io/';

  properties: INodeProperties[] = credentialProperties(profile);

  preAuthentication = preAuthentication(profile);

  authenticate: IAuthenticate = bearerAuthentication;

  test: ICredentialTestRequest = credentialTest(profile);
}
