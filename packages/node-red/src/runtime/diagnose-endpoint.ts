// "Test connection": an admin endpoint the config node dialog calls with its current values.
// Secret fields the person did not retype arrive as __PWRD__ and are taken from the stored
// credentials, as Node-RED does on deploy, but only those of a deployed connection of exactly
// this provider's type and only with exactly its deployed settings: anyone allowed to call this
// endpoint can name any node id and any address. The answer never contains a secret.
import { diagnose, getProfile } from '@switchboard/core';
import type { ProviderId, ProviderProfile } from '@switchboard/core';
import { ADMIN_PERMISSION, ADMIN_PREFIX, configNodeType } from '../names';
import {
  credentialValues,
  mergeDialogSecrets,
  settingsChanged,
  usesStoredSecret,
} from './credential-values';
import type { StoredValues } from './credential-values';
import { deployedDefinition } from './deployed-config';
import { errorDetails } from './errors';
import type { HttpRequest, HttpResponse, NodeDefinition, NodeRedApi } from './node-red-types';

interface DiagnoseRequest {
  id?: unknown;
  values?: unknown;
}

interface Refusal {
  ok: false;
  summary: string;
  steps: [];
  error: { code: 'invalid_configuration'; message: string; hint: string };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function refusal(summary: string, message: string, hint: string): Refusal {
  return { ok: false, summary, steps: [], error: { code: 'invalid_configuration', message, hint } };
}

/** Why the stored secrets may not be used for this test, or undefined when they may. */
function storedSecretRefusal(
  profile: ProviderProfile,
  values: StoredValues,
  deployed: NodeDefinition | undefined,
): Refusal | undefined {
  if (deployed === undefined) {
    return refusal(
      'Nothing is stored for this connection yet: type the secret to test it.',
      `No deployed ${profile.displayName} connection has this id, so there is no stored secret.`,
      'Type the secret again in this dialog to test it, or deploy first.',
    );
  }
  if (settingsChanged(profile, values, deployed)) {
    return refusal(
      'The settings changed since the last deploy: the stored secret is not sent with new settings.',
      'Stored secrets are only tested with the deployed address and settings.',
      'Type the secret again in this dialog to test it with the new settings, or deploy first.',
    );
  }
  return undefined;
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
      let stored: StoredValues | undefined;
      if (usesStoredSecret(profile, values)) {
        const deployed = deployedDefinition(RED, body.id, configNodeType(provider));
        const refused = storedSecretRefusal(profile, values, deployed);
        if (refused !== undefined || deployed === undefined) {
          res.json(refused);
          return;
        }
        stored = RED.nodes.getCredentials(deployed.id);
      }
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
