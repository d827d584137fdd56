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

const profile = getProfile('dell-cloudlink');

export class DellCloudLinkCenterApi implements ICredentialType {
  name = 'dellCloudLinkCenterApi';

  displayName = 'Dell CloudLink Center API';

  icon: Icon = { light: 'file:../icons/dell.svg', dark: 'file:../icons/dell.dark.svg' };

  documentationUrl = 'https://www.dell.com/support/';

  properties: INodeProperties[] = credentialProperties(profile);

  preAuthentication = preAuthentication(profile);

  authenticate: IAuthenticate = bearerAuthentication;

  test: ICredentialTestRequest = credentialTest(profile);
}
