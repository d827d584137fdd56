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
