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

const profile = getProfile('sangoma-cx');

export class SangomaCxApi implements ICredentialType {
  name = 'sangomaCxApi';

  displayName = 'Sangoma CX API';

  icon: Icon = { light: 'file:../icons/sangoma.svg', dark: 'file:../icons/sangoma.dark.svg' };

  documentationUrl = 'https://www.sangoma.com/';

  properties: INodeProperties[] = credentialProperties(profile);

  preAuthentication = preAuthentication(profile);

  authenticate: IAuthenticate = bearerAuthentication;

  test: ICredentialTestRequest = credentialTest(profile);
}
