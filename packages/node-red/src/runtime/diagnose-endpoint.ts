// "Test connection": an admin endpoint the config node dialog calls with its current values.
// Secret fields the person did not retype arrive as __PWRD__ and are taken from the stored
// credentials, as Node-RED does on deploy. The answer never contains a secret.
import { diagnose, getProfile } from '@switchboard/core';
import type { ProviderId } from '@switchboard/core';
import { ADMIN_PERMISSION, ADMIN_PREFIX } from '../names';
import type { ConfigNode } from './config-node';
import {
  credentialValues,
  destinationChanged,
  mergeDialogSecrets,
  usesStoredSecret,
} from './credential-values';
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
      const values: StoredValues = body.values;
      const deployed =
        typeof body.id === 'string' ? (RED.nodes.getNode(body.id) as ConfigNode | null) : null;
      if (
        usesStoredSecret(profile, values) &&
        deployed?.settings &&
        destinationChanged(profile, values, deployed.settings)
      ) {
        res.json({
          ok: false,
          summary:
            'The address changed since the last deploy: the stored secret is not sent to a new address.',
          steps: [],
          error: {
            code: 'invalid_configuration',
            message: 'Stored secrets are only tested against the deployed address.',
            hint: 'Type the secret again in this dialog to test it against the new address, or deploy first.',
          },
        });
        return;
      }
      const stored = typeof body.id === 'string' ? RED.nodes.getCredentials(body.id) : undefined;
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
