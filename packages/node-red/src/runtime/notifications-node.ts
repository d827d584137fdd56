// Mitel CloudLink notifications: on deploy, listen on a Node-RED HTTP endpoint and create a
// webhook subscription pointing at it; emit one message per event of that subscription; delete
// the subscription on undeploy or removal.
import { MITEL_NOTIFICATIONS_NODE_TYPE, MITEL_PROVIDER, configNodeType } from '../names';
import { isDeliveryForApplication } from '@switchboard/core';
import type { Connection } from '@switchboard/core';
import { usableConfigNode } from './config-node';
import type { ConfigNode } from './config-node';
import { readJsonBody } from './json-body';
import { errorDetails, reportableError } from './errors';
import { normalisePath, publicWebhookUrl, removePostRoute } from './http-routes';
import type {
  HttpRequest,
  HttpResponse,
  NodeDefinition,
  NodeInstance,
  NodeRedApi,
} from './node-red-types';
import { createdSubscriptionId, deliveryEvents, subscriptionIdOf } from './notifications';
import type { MitelDelivery } from './notifications';
import { errorStatus } from './status';

/** Deliveries that arrive before the create call has answered wait here (bounded). */
const MAX_EARLY_DELIVERIES = 100;

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

export function registerMitelNotificationsNode(RED: NodeRedApi): void {
  function MitelNotificationsNode(this: NodeInstance, definition: NodeDefinition): void {
    RED.nodes.createNode(this, definition);
    start(this, definition);
  }

  function start(node: NodeInstance, definition: NodeDefinition): void {
    const path = normalisePath(text(definition.path) || `/switchboard/mitel/${node.id}`);
    let subscriptionId: string | undefined;
    let applicationId = '';
    let closed = false;
    // Ours: our subscription, and no other application's id (Mitel echoes it in deliveries).
    const isOurs = (event: MitelDelivery, id: string | undefined): boolean =>
      subscriptionIdOf(event) === id && isDeliveryForApplication(event, applicationId);
    const early: MitelDelivery[] = [];

    function emit(event: MitelDelivery): void {
      node.send({ payload: event.content ?? event, topic: event.topic, notification: event });
    }

    function receive(req: HttpRequest, res: HttpResponse): void {
      readJsonBody(req).then(
        (body) => accept(body, res),
        () => res.status(400).json({ error: 'the body must be JSON' }),
      );
    }

    function accept(body: unknown, res: HttpResponse): void {
      const events = deliveryEvents(body);
      if (subscriptionId === undefined && !closed) {
        early.push(...events.slice(0, MAX_EARLY_DELIVERIES - early.length));
        res.sendStatus(202);
        return;
      }
      const ours = events.filter((event) => isOurs(event, subscriptionId));
      if (ours.length === 0) {
        res.status(404).json({ error: 'not for this subscription or application' });
        return;
      }
      ours.forEach(emit);
      res.sendStatus(200);
    }
    RED.httpNode.post(path, receive);

    let connectionUser: ConfigNode | undefined;
    let connection: Connection | undefined;
    const subscribing = (async () => {
      const config = usableConfigNode(RED, definition.connection, configNodeType(MITEL_PROVIDER));
      connectionUser = config;
      connection = config.connection as Connection;
      const publicUrl = text(definition.publicUrl);
      if (!/^https?:\/\//.test(publicUrl)) {
        throw new Error(
          'Set "Public URL" to the address Mitel reaches this Node-RED at, such as https://nodered.example.com.',
        );
      }
      applicationId = text(definition.applicationId) || text(config.settings.clientId);
      node.status({ fill: 'blue', shape: 'ring', text: 'subscribing' });
      const response = await connection.execute('subscription.create', {
        applicationId,
        webhookUrl: publicWebhookUrl(publicUrl, RED.settings.httpNodeRoot, path),
        topic: text(definition.topic) || 'platform-api-media',
        ...(text(definition.subjectFilter)
          ? { subjectFilter: text(definition.subjectFilter) }
          : {}),
        ...(text(definition.publicationFilter)
          ? { publicationFilter: text(definition.publicationFilter) }
          : {}),
      });
      const id = createdSubscriptionId(response.data);
      if (!id)
        throw new Error('The subscription was created but its id is missing in the response.');
      subscriptionId = id;
      node.status({ fill: 'green', shape: 'dot', text: 'subscribed' });
      early
        .splice(0)
        .filter((event) => isOurs(event, id))
        .forEach(emit);
      return id;
    })();
    subscribing.catch((error: unknown) => {
      const reportable = reportableError(error);
      node.status(errorStatus(reportable));
      node.error(reportable);
    });

    node.on('close', (_removed, done) => {
      closed = true;
      removePostRoute(RED.httpNode, path);
      const cleanup = subscribing.then(async (id) => {
        if (connection) await connection.execute('subscription.delete', { subscriptionId: id });
      });
      connectionUser?.holdOpenUntil(cleanup);
      cleanup
        .catch((error: unknown) => {
          // A failed create has been reported already; only report failed deletes.
          if (subscriptionId !== undefined) {
            node.warn(
              `could not delete subscription ${subscriptionId}: ${errorDetails(error).message}`,
            );
          }
        })
        .finally(() => {
          node.status({});
          done();
        });
    });
  }
  RED.nodes.registerType(MITEL_NOTIFICATIONS_NODE_TYPE, MitelNotificationsNode);
}
