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

const profile = getProfile('bright-pattern');

export class BrightPatternApi implements ICredentialType {
  name = 'brightPatternApi';

  displayName = 'Bright Pattern API';

  icon: Icon = {
    light: 'file:../icons/bright-pattern.svg',
    dark: 'file:../icons/bright-pattern.dark.svg',
  };

  documentationUrl = 'https://help.brightpattern.com/';

  properties: INodeProperties[] = credentialProperties(profile);

  preAuthentication = preAuthentication(profile);

  authenticate: IAuthenticate = bearerAuthentication;

  test: ICredentialTestRequest = credentialTest(profile);
}
