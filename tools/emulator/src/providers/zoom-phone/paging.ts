// Zoom's list paging: `page_size` and an opaque `next_page_token`; an empty token ends the list.
import { json } from '../../http/reply';
import type { EmRequest, Reply } from '../../http/types';
import { zoomError } from './errors';

function tokenFor(offset: number): string {
  return Buffer.from(`zoom-page:${offset}`).toString('base64url');
}

function offsetOf(token: string): number | undefined {
  const match = /^zoom-page:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * One page of `records` under `itemsKey`. Zoom caps `page_size` at `max` rather than refusing a
 * larger one (its docs give the maximum; we found no documented error for exceeding it).
 */
export function page<T>(
  req: EmRequest,
  records: readonly T[],
  itemsKey: string,
  max: number,
  extra: Record<string, unknown> = {},
): Reply {
  const sizeText = req.query.get('page_size');
  const requested = sizeText === null || sizeText === '' ? 30 : Number(sizeText);
  if (!Number.isInteger(requested) || requested < 1) {
    return zoomError(400, 300, 'Invalid field: page_size.');
  }
  const size = Math.min(requested, max);
  const token = req.query.get('next_page_token') ?? '';
  const offset = token === '' ? 0 : offsetOf(token);
  if (offset === undefined || offset > records.length) {
    return zoomError(400, 300, 'The next page token is invalid or expired.');
  }
  const end = offset + size;
  return json(200, {
    ...extra,
    next_page_token: end < records.length ? tokenFor(end) : '',
    page_size: size,
    total_records: records.length,
    [itemsKey]: records.slice(offset, end),
  });
}
