// Help texts (locales/en-US) in the Node-RED help style: first paragraph is the palette tooltip,
// then Inputs / Outputs / Details sections with message-properties lists.
import type { FieldDef, ProviderProfile } from '@switchboard/core';
import {
  apiNodeType,
  configNodeType,
  MITEL_NOTIFICATIONS_NODE_TYPE,
  MITEL_CALL_RECORDS_NODE_TYPE,
  TOKEN_NODE_TYPE,
} from '../names';
import { escapeHtml, helpBlock } from './html';

function property(name: string, type: string, text: string, optional = false): string {
  return `<dt${optional ? ' class="optional"' : ''}>${name} <span class="property-type">${type}</span></dt>\n<dd>${text}</dd>`;
}

/** "Sign In With is User Name and Password": when a field is shown, in words. */
function shownWhen(field: FieldDef, fields: FieldDef[]): string {
  return Object.entries(field.displayWhen ?? {})
    .map(([name, values]) => {
      const other = fields.find((candidate) => candidate.name === name);
      const labels = values.map(
        (value) => other?.options?.find((option) => option.value === value)?.name ?? String(value),
      );
      return `${other?.displayName ?? name} is ${labels.join(' or ')}`;
    })
    .join(' and ');
}

function fieldHelp(field: FieldDef, fields: FieldDef[]): string {
  const extras: string[] = [];
  if (field.secret) extras.push('secret: stored encrypted, never shown again or exported');
  const when = shownWhen(field, fields);
  if (field.required) extras.push(when ? `required when ${when}` : 'required');
  else if (when) extras.push(`used when ${when}`);
  if (field.options && field.type !== 'boolean') {
    extras.push(`one of: ${field.options.map((option) => option.name || option.value).join(', ')}`);
  }
  const description = field.description ? escapeHtml(field.description) : '';
  const note = extras.length > 0 ? ` <i>(${escapeHtml(extras.join('; '))})</i>` : '';
  return `<dt>${escapeHtml(field.displayName)}</dt>\n<dd>${description}${note}</dd>`;
}

export function configNodeHelp(profile: ProviderProfile): string {
  const body = `<p>${escapeHtml(profile.displayName)} connection: credentials, environment and where tokens are kept.</p>
<p>${escapeHtml(profile.description)} Every ${escapeHtml(profile.displayName)} node that uses this connection shares one token:
it is requested once, reused, renewed before it expires and retried once after a 401.</p>
<h3>Details</h3>
<dl class="message-properties">
${profile.fields.map((field) => fieldHelp(field, profile.fields)).join('\n')}
<dt>Keep tokens in</dt>
<dd><b>Memory</b> (default) keeps tokens until Node-RED restarts. An <b>encrypted file</b> keeps
them across restarts (recommended for long-lived tokens such as Sangoma CX's). <b>Redis</b> shares
them between several Node-RED instances, so a cluster asks for one token per credential.
File and Redis stores encrypt tokens with the <i>encryption key</i>.</dd>
</dl>
<p><b>Test connection</b> requests a token with the values in the dialog (and calls a who-am-I
endpoint where the provider has one), then explains any failure and what to check.</p>
<p>Secrets are Node-RED credentials: stored encrypted in <code>flows_cred.json</code>, never sent back
to the browser, never in <code>flows.json</code> or exports.</p>
${profile.docsUrl ? `<h3>References</h3>\n<ul><li><a href="${escapeHtml(profile.docsUrl)}">${escapeHtml(profile.displayName)} documentation</a></li></ul>` : ''}`;
  return helpBlock(configNodeType(profile.id), body);
}

export function apiNodeHelp(profile: ProviderProfile): string {
  const operations = profile.operations
    .map(
      (operation) =>
        `<li><b>${escapeHtml(operation.displayName)}</b>: ${escapeHtml(operation.description)}</li>`,
    )
    .join('\n');
  const body = `<p>Calls the ${escapeHtml(profile.displayName)} API with the selected connection's token.</p>
<h3>Inputs</h3>
<dl class="message-properties">
${property('params', 'object', 'Parameter values by name; they override the values set in the node.', true)}
${property('(any)', 'various', 'Each parameter of the node is a typed input: a fixed value, or a <code>msg</code>, flow, global or environment property, or a JSONata expression.', true)}
</dl>
<h3>Outputs</h3>
<dl class="message-properties">
${property('payload', 'object | array', 'The response body, parsed. For lists: every record as one array, or one message per record.')}
${property('statusCode', 'number', 'The HTTP status of the response.')}
${property('headers', 'object', 'The response headers (cookies and authentication headers removed).')}
</dl>
<h3>Details</h3>
<p>Pick a <b>resource</b> and an <b>operation</b>; the node shows that operation's parameters.
Lists can <b>return all</b> records (the node follows every page) or stop at a <b>limit</b>.
With <i>one message per record</i>, records go out page by page as they arrive, each with
<code>msg.parts</code> like the split node's, so a join node in automatic mode rebuilds the list.</p>
<p>The status shows what is happening: <i>requesting token</i>, <i>200 · 42 records</i>,
<i>401 · check environment</i>.</p>
<p>Failures go to <b>Catch</b> nodes: <code>msg.error.message</code> says what went wrong and what to
check, <code>msg.error.code</code> is a stable code (such as <code>wrong_environment</code>,
<code>invalid_client</code>, <code>rate_limited</code>) and <code>msg.error.cause</code> holds the
details (<code>code</code>, <code>hint</code>, <code>status</code>, <code>provider</code>,
<code>correlationId</code>; on Node-RED 3.x use <code>msg.error.cause.code</code>).
No token or secret ever appears in a message, a status or the log.</p>
<p>Operations:</p>
<ul>
${operations}
</ul>`;
  return helpBlock(apiNodeType(profile.id), body);
}

export function tokenNodeHelp(): string {
  const body = `<p>Adds a valid access token to <code>msg.headers.Authorization</code>, for the stock http request node.</p>
<h3>Inputs</h3>
<dl class="message-properties">
${property('headers', 'object', 'Existing headers are kept; Authorization is set.', true)}
</dl>
<h3>Outputs</h3>
<dl class="message-properties">
${property('headers.Authorization', 'string', '<code>Bearer &lt;token&gt;</code> from the selected connection.')}
</dl>
<h3>Details</h3>
<p>The token comes from the connection's shared token manager: cached, renewed when due, requested
once for all nodes. Use it only when the provider's API node lacks the call you need: once the token
is on the message, any node downstream (debug, file, http response) can see it.</p>`;
  return helpBlock(TOKEN_NODE_TYPE, body);
}

export function notificationsNodeHelp(): string {
  const body = `<p>Receives Mitel CloudLink notifications (for example completed calls) through a webhook subscription.</p>
<h3>Outputs</h3>
<dl class="message-properties">
${property('payload', 'object', 'The event content (for a call-completed event: most of the call record).')}
${property('topic', 'string', 'The notification topic.')}
${property('notification', 'object', 'The whole delivery: publicationId, subject, subscription, notification.createdOn.')}
</dl>
<h3>Details</h3>
<p>On deploy the node listens on <i>Path</i> (default <code>/switchboard/mitel/&lt;node id&gt;</code>)
of Node-RED's HTTP endpoints and creates a subscription for <i>Topic</i> (with the optional subject
and publication filters) whose webhook URL is <i>Public URL</i> + <i>Path</i>. It sends one message
per event of its own subscription and refuses deliveries for any other subscription. On undeploy,
redeploy or removal it deletes the subscription.</p>
<p><i>Public URL</i> must be an address where Mitel can reach this Node-RED (a public host name, a
reverse proxy or a tunnel). <i>Application ID</i> defaults to the connection's client id.</p>`;
  return helpBlock(MITEL_NOTIFICATIONS_NODE_TYPE, body);
}

export function callRecordsNodeHelp(): string {
  const body = `<p>Sends every finished Mitel CloudLink call record once, one message per record, polled from the call history.</p>
<h3>Inputs</h3>
<dl class="message-properties">
${property('reset', 'boolean', 'true: forget the cursor and start again from <i>Start from</i>.', true)}
</dl>
<p>Any message polls at once; otherwise the node polls every <i>Poll every</i> seconds (0: only on input).</p>
<h3>Outputs</h3>
<dl class="message-properties">
${property('payload', 'object', 'The call record: callId, from, to, direction, state, createdOn, endTime, ... and, with <i>E.164 numbers</i>, fromE164 and toE164 (null for extensions).')}
${property('topic', 'string', 'The call id.')}
</dl>
<h3>Details</h3>
<p>Records come oldest first. Each poll re-reads the <i>Overlap</i> window behind the newest record
sent, for records that reach the history late, and skips call ids it sent before. The cursor is
saved in the node's context after the messages of a poll were sent, so a crash may repeat a
poll's records but never loses one.</p>
<p>The cursor survives a restart only in a persistent context store: add
<code>contextStorage: { default: { module: "localfilesystem" } }</code> to settings.js (the node
warns when there is none). Node-RED writes that store to disk every 30 seconds and on shutdown.</p>
<p><i>Start from</i>: <i>now</i> sends nothing that ended before the first deploy; <i>a date</i>
sends everything since then (at most <i>Max per poll</i> per poll, the rest right after).
National numbers are read with the connection's <i>Default Country</i>.</p>
<p>The CloudLink events node gets call-completed notifications instantly but needs a public URL
that Mitel can reach; this node works behind NAT and catches up after downtime.</p>`;
  return helpBlock(MITEL_CALL_RECORDS_NODE_TYPE, body);
}
