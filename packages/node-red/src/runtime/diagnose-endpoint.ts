// "Test connection": an admin endpoint the config node dialog calls with its current values.
// Secret fields the person did not retype arrive as __PWRD__ and are taken from the stored
// credentials, as Node-RED does on deploy. The answer never contains a secret.
import { diagnose, getProfile } from '@switchboard/core';
import type { ProviderId } from '@switchboard/core';
import { ADMIN_PERMISSION, ADMIN_PREFIX } from '../names';
import { credentialValues, mergeDialogSecrets } from './credential-values';
import type { StoredValues } from './credential-values';
import { errorDetails } from './errors';
import type { HttpRequest, HttpResponse, NodeRedApi } from './node-red-types';

interface DiagnoseRequest {
  id?: unknown;
  values?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function registerDiagnoseEndpoint(RED: NodeRedApi, providers: readonly ProviderId[]): void {
  RED.httpAdmin.post(
    `/${ADMIN_PREFIX}/diagnose/:provider`,
    RED.auth.needsPermission(ADMIN_PERMISSION),
    (req: HttpRequest, res: HttpResponse) => {
      const provider = req.params.provider as ProviderId;
      const body = (isRecord(req.body) ? req.body : {}) as DiagnoseRequest;
      if (!providers.includes(provider)) {
        res.status(404).json({ ok: false, summary: `Unknown provider "${String(provider)}".` });
        return;
      }
      if (!isRecord(body.values)) {
        res
          .status(400)
          .json({ ok: false, summary: 'Send {"values": {...}} with the dialog fields.' });
        return;
      }
      const profile = getProfile(provider);
      const stored = typeof body.id === 'string' ? RED.nodes.getCredentials(body.id) : undefined;
      const values: StoredValues = body.values;
      const secrets = mergeDialogSecrets(profile, values, stored);
      diagnose(profile, credentialValues(profile, values, secrets)).then(
        (diagnosis) => res.json(diagnosis),
        (error: unknown) => {
          const details = errorDetails(error);
          res.json({ ok: false, summary: details.message, steps: [], error: details });
        },
      );
    },
  );
}
