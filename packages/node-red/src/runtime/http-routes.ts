// Adding and removing a route on Node-RED's HTTP node router (how the core http in node does it).
import type { HttpRouter } from './node-red-types';

/** Removes every POST route registered at `path`; works with Express 4 and 5 routers. */
export function removePostRoute(router: HttpRouter, path: string): void {
  const stack = (router._router ?? router.router)?.stack;
  if (!stack) return;
  for (let index = stack.length - 1; index >= 0; index -= 1) {
    const route = stack[index]?.route;
    if (route && route.path === path && route.methods.post) stack.splice(index, 1);
  }
}

/** `/switchboard/mitel/<id>` style paths: leading slash, no trailing slash, no spaces. */
export function normalisePath(path: string): string {
  const trimmed = path.trim().replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** The URL the provider calls: public base URL + Node-RED's httpNodeRoot + the node's path. */
export function publicWebhookUrl(
  publicUrl: string,
  httpNodeRoot: string | false | undefined,
  path: string,
): string {
  const base = publicUrl.trim().replace(/\/+$/, '');
  const root = typeof httpNodeRoot === 'string' ? httpNodeRoot.replace(/\/+$/, '') : '';
  return `${base}${root}${normalisePath(path)}`;
}
