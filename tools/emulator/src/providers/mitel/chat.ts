import { randomUUID } from 'node:crypto';
import { isRecord, jsonBody } from '../../http/body';
import { json } from '../../http/reply';
import type { Router } from '../../http/router';
import type { EmRequest, Reply } from '../../http/types';
import { authenticate, type MitelContext } from './context';
import type { Conversation } from './directory';
import { mitelError, validation } from './errors';

/** Case-sensitive, as the real service: "User" is a validation error. */
const PARTICIPANT_TYPES = ['USER', 'SMS', 'WORKFLOW'];
const CONTENT_TYPES = ['text/plain', 'text/html'];

/** Chat service: create a conversation, post a message to it. */
export function mountChat(router: Router, ctx: MitelContext): void {
  router.add('POST', '/conversations', (req) => createConversation(ctx, req));
  router.add('GET', '/conversations/{conversationId}', (req) =>
    withConversation(ctx, req, (conversation) => json(200, publicConversation(conversation))),
  );
  router.add('POST', '/conversations/{conversationId}/messages', (req) =>
    withConversation(ctx, req, (conversation, senderId) =>
      postMessage(ctx, req, conversation, senderId),
    ),
  );
}

function createConversation(ctx: MitelContext, req: EmRequest): Reply {
  const auth = authenticate(ctx, req);
  if (!auth.ok) return auth.reply;
  const body = jsonBody(req);
  if (!body.ok) return validation(`The body must be a JSON object: ${body.reason}.`);
  if (!isRecord(body.value)) return validation('The body must be a JSON object.');
  const { originalParticipants, name } = body.value;
  if (!Array.isArray(originalParticipants) || originalParticipants.length === 0) {
    return validation(
      'originalParticipants is required: a non-empty array of {type, participantId}.',
    );
  }
  const participants: Conversation['originalParticipants'] = [];
  for (const [index, participant] of originalParticipants.entries()) {
    if (!isRecord(participant))
      return validation(`originalParticipants[${index}] must be an object.`);
    const { type, participantId } = participant;
    if (typeof type !== 'string' || !PARTICIPANT_TYPES.includes(type)) {
      return validation(
        `originalParticipants[${index}].type must be one of ${PARTICIPANT_TYPES.join(', ')} (upper case); got ${JSON.stringify(type)}.`,
      );
    }
    if (typeof participantId !== 'string' || participantId === '') {
      return validation(`originalParticipants[${index}].participantId is required.`);
    }
    participants.push({ type, participantId });
  }
  if (name !== undefined && typeof name !== 'string') return validation('name must be a string.');
  const conversation: Conversation = {
    conversationId: randomUUID(),
    accountId: auth.token.data.accountId,
    createdBy: auth.token.data.principalId,
    createdOn: new Date(ctx.state.clock.now()).toISOString(),
    originalParticipants: participants,
    messages: 0,
  };
  if (typeof name === 'string') conversation.name = name;
  ctx.dir.conversations.set(conversation.conversationId, conversation);
  return json(201, publicConversation(conversation));
}

function withConversation(
  ctx: MitelContext,
  req: EmRequest,
  handler: (conversation: Conversation, senderId: string) => Reply,
): Reply {
  const auth = authenticate(ctx, req);
  if (!auth.ok) return auth.reply;
  const conversation = ctx.dir.conversations.get(req.params.conversationId ?? '');
  if (!conversation || conversation.accountId !== auth.token.data.accountId) {
    return mitelError(404, 'ConversationNotFound', 'The conversation was not found.');
  }
  return handler(conversation, auth.token.data.principalId);
}

function postMessage(
  ctx: MitelContext,
  req: EmRequest,
  conversation: Conversation,
  senderId: string,
): Reply {
  const body = jsonBody(req);
  if (!body.ok) return validation(`The body must be a JSON object: ${body.reason}.`);
  if (!isRecord(body.value)) return validation('The body must be a JSON object.');
  const { body: text, contentType = 'text/plain' } = body.value;
  if (typeof text !== 'string' || text === '')
    return validation('body is required: the message text.');
  if (typeof contentType !== 'string' || !CONTENT_TYPES.includes(contentType)) {
    return validation(`contentType must be one of ${CONTENT_TYPES.join(', ')}.`);
  }
  conversation.messages++;
  return json(201, {
    messageId: randomUUID(),
    conversationId: conversation.conversationId,
    senderId,
    body: text,
    contentType,
    sequence: conversation.messages,
    createdOn: new Date(ctx.state.clock.now()).toISOString(),
  });
}

function publicConversation(conversation: Conversation): Record<string, unknown> {
  const { messages, ...rest } = conversation;
  return { ...rest, participants: conversation.originalParticipants, messageCount: messages };
}
