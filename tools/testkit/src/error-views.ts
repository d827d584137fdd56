import { inspect } from 'node:util';

/**
 * Every way an error can be looked at: message, stack, JSON, a deep inspect that shows hidden
 * properties (`response`, `cause`), and the non-enumerable `response` itself.
 */
export function errorViews(error: unknown): string {
  const views: string[] = [String(error)];
  if (error instanceof Error) views.push(error.message, error.stack ?? '');
  try {
    views.push(JSON.stringify(error) ?? '');
  } catch {
    views.push('<not serialisable>');
  }
  views.push(inspect(error, { showHidden: true, depth: null }));
  if (error !== null && typeof error === 'object') {
    const hidden = error as { response?: unknown; cause?: unknown };
    views.push(
      JSON.stringify(hidden.response) ?? '',
      inspect(hidden.cause, { showHidden: true, depth: null }),
    );
  }
  return views.join('\n');
}
