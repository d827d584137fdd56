// The "test connection" endpoint is registered behind Node-RED's permission check.
import { ADMIN_PERMISSION } from '../src/names';
import { registerDiagnoseEndpoint } from '../src/runtime/diagnose-endpoint';
import type { HttpHandler, NodeRedApi } from '../src/runtime/node-red-types';

it('guards POST switchboard/diagnose/:provider with RED.auth.needsPermission', () => {
  const guard: HttpHandler = () => undefined;
  const routes: Array<{ path: string; handlers: HttpHandler[] }> = [];
  const permissions: string[] = [];
  const RED = {
    httpAdmin: {
      post: (path: string, ...handlers: HttpHandler[]) => routes.push({ path, handlers }),
    },
    auth: {
      needsPermission: (permission: string) => {
        permissions.push(permission);
        return guard;
      },
    },
  } as unknown as NodeRedApi;
  registerDiagnoseEndpoint(RED, ['mitel-cloudlink']);
  expect(permissions).toEqual([ADMIN_PERMISSION]);
  expect(routes).toHaveLength(1);
  expect(routes[0]?.path).toBe('/switchboard/diagnose/:provider');
  expect(routes[0]?.handlers[0]).toBe(guard);
});
