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

const profile = getProfile('generic-oauth2');

export class SwitchboardOAuth2Api implements ICredentialType {
  name = 'switchboardOAuth2Api';

  displayName = 'Switchboard OAuth2 API';

  icon: Icon = { light: 'file:../icons/oauth2.svg', dark: 'file:../icons/oauth2.dark.svg' };

  documentationUrl = 'https://datatracker.ietf.org/doc/html/rfc6749';

  properties: INodeProperties[] = credentialProperties(profile);

  preAuthentication = preAuthentication(profile);

  authenticate: IAuthenticate = bearerAuthentication;

  test: ICredentialTestRequest = credentialTest(profile);
}
