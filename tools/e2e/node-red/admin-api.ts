// Node-RED's admin API: deploy flows (with credentials) and read them back.

export type FlowNode = Record<string, unknown> & { id: string; type: string };

export async function deployFlows(nodeRedUrl: string, flows: FlowNode[]): Promise<void> {
  const response = await fetch(`${nodeRedUrl}/flows`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'Node-RED-Deployment-Type': 'full' },
    body: JSON.stringify(flows),
  });
  if (response.status !== 204 && response.status !== 200) {
    throw new Error(`deploy failed (${response.status}): ${await response.text()}`);
  }
}

export async function getJson(
  url: string,
  init?: RequestInit,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep text
  }
  return { status: response.status, body };
}

export async function postJson(
  url: string,
  payload: unknown,
): Promise<{ status: number; body: unknown }> {
  return getJson(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
}

/**
 * Node-RED answers a deploy (and a restart) before every HTTP-in route is registered: wait
 * until `path` stops answering 404.
 */
export async function waitForEndpoint(nodeRedUrl: string, path: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const response = await fetch(`${nodeRedUrl}${path}`);
    await response.arrayBuffer();
    if (response.status !== 404) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${nodeRedUrl}${path} still answers 404 after the deploy`);
}
