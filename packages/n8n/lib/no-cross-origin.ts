// n8n follows redirects and, by default, re-adds Authorization on a redirect to another origin
// (its sendCredentialsOnCrossOriginRedirect defaults to true). Every authenticated request of
// the package (nodes, trigger, credential test) sets both options, so no credential crosses
// origins: no redirect is followed, and none would carry credentials if it were.
import type { IHttpRequestOptions } from 'n8n-workflow';

export const NO_CROSS_ORIGIN_CREDENTIALS = {
  disableFollowRedirect: true,
  sendCredentialsOnCrossOriginRedirect: false,
} as const satisfies Partial<IHttpRequestOptions>;
