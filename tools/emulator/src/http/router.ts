import type { EmRequest, Handler, Reply } from './types';

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

/**
 * A tiny method + path router. Patterns use `{name}` segments: `/users/{userId}`.
 * `handle` answers `undefined` when no route matches so callers choose the provider's 404 body,
 * and reports a known path with the wrong method separately (405).
 */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, segments: split(pattern), handler });
    return this;
  }

  match(
    method: string,
    path: string,
  ): { route?: Handler; params: Record<string, string>; pathKnown: boolean } {
    const parts = split(path);
    let pathKnown = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      pathKnown = true;
      if (route.method === method) return { route: route.handler, params, pathKnown };
    }
    return { params: {}, pathKnown };
  }

  async handle(
    req: EmRequest,
    notFound: (req: EmRequest, methodNotAllowed: boolean) => Reply,
  ): Promise<Reply> {
    const { route, params, pathKnown } = this.match(req.method, req.path);
    if (!route) return notFound(req, pathKnown);
    return route({ ...req, params });
  }
}

function split(path: string): string[] {
  return path.split('/').filter((part) => part.length > 0);
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i] as string;
    const got = parts[i] as string;
    if (want.startsWith('{') && want.endsWith('}')) {
      params[want.slice(1, -1)] = safeDecode(got);
    } else if (want !== got) {
      return undefined;
    }
  }
  return params;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
