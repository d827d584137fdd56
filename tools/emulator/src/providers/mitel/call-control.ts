import { isRecord, jsonBody } from '../../http/body';
import { json } from '../../http/reply';
import type { Router } from '../../http/router';
import type { EmRequest, Reply } from '../../http/types';
import { authenticate, type MitelContext } from './context';
import type { PlacedCall } from './directory';
import { mitelError, validation } from './errors';

/** What each action of `PUT /endpoints/{endpointId}/calls/{callId}` leaves the call in. */
const ACTIONS: Record<string, PlacedCall['state'] | undefined> = {
  answer: 'connected',
  end: 'ended',
  hold: 'held',
  retrieve: 'connected',
  blindTransfer: 'ended',
  supervisedTransfer: 'ended',
  consult: 'held',
  dtmf: undefined,
  conference: 'connected',
  pauseRecording: undefined,
  resumeRecording: undefined,
};

/** Call control on calls placed through this emulator: `{action, args?}`; an ended call is gone. */
export function mountCallControl(router: Router, ctx: MitelContext): void {
  router.add('PUT', '/endpoints/{endpointId}/calls/{callId}', (req) => control(ctx, req));
}

function control(ctx: MitelContext, req: EmRequest): Reply {
  const auth = authenticate(ctx, req);
  if (!auth.ok) return auth.reply;
  const body = jsonBody(req);
  if (!body.ok) return validation(`The body must be a JSON object: ${body.reason}.`);
  if (!isRecord(body.value)) return validation('The body must be a JSON object.');
  const { action, args } = body.value;
  if (typeof action !== 'string' || !(action in ACTIONS))
    return validation(`action must be one of ${Object.keys(ACTIONS).join(', ')}.`);
  if (args !== undefined && !isRecord(args)) return validation('args must be a JSON object.');
  const call = ctx.dir.calls.get(req.params.callId ?? '');
  if (
    !call ||
    call.endpointId !== req.params.endpointId ||
    call.accountId !== auth.token.data.accountId
  ) {
    return mitelError(404, 'CallNotFound', 'The call was not found on this endpoint.');
  }
  const next = ACTIONS[action];
  if (next !== undefined) call.state = next;
  if (call.state === 'ended') ctx.dir.calls.delete(call.callId);
  return json(200, { ...call, action, ...(args === undefined ? {} : { args }) });
}
