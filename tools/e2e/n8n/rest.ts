// The few calls of n8n's internal REST API the editor itself makes: owner setup, credential
// test, executions, deactivation. Cookie auth with a fixed browser id, like one browser tab.
export interface Owner {
  email: string;
  password: string;
}

export class RestClient {
  readonly owner: Owner = { email: 'owner@switchboard.test', password: 'Switchboard-e2e-1' };
  private cookie = '';
  private readonly browserId = 'switchboard-e2e-browser';

  constructor(private readonly baseUrl: string) {}

  async setupOwner(): Promise<void> {
    const response = await this.request('POST', '/rest/owner/setup', {
      ...this.owner,
      firstName: 'Sam',
      lastName: 'Switchboard',
    });
    const cookie = response.headers.getSetCookie().find((value) => value.startsWith('n8n-auth='));
    if (cookie === undefined) throw new Error('owner setup returned no n8n-auth cookie');
    this.cookie = cookie.split(';')[0] ?? '';
  }

  /** Signs in as the owner (after setupOwner, from another client). */
  async login(): Promise<void> {
    const response = await this.request('POST', '/rest/login', {
      emailOrLdapLoginId: this.owner.email,
      password: this.owner.password,
    });
    const cookie = response.headers.getSetCookie().find((value) => value.startsWith('n8n-auth='));
    if (cookie === undefined) throw new Error('sign-in returned no n8n-auth cookie');
    this.cookie = cookie.split(';')[0] ?? '';
  }

  async testCredential(
    credential: Record<string, unknown>,
  ): Promise<{ status: string; message: string }> {
    const response = await this.request('POST', '/rest/credentials/test', {
      credentials: credential,
    });
    const body = (await response.json()) as { data: { status: string; message: string } };
    return body.data;
  }

  async executionCount(workflowId: string): Promise<number> {
    const filter = encodeURIComponent(JSON.stringify({ workflowId }));
    const response = await this.request('GET', `/rest/executions?filter=${filter}`);
    const body = (await response.json()) as { data: { count: number } };
    return body.data.count;
  }

  /** Polls until the workflow has `count` executions (bounded: 150 polls). */
  async waitForExecutions(workflowId: string, count: number): Promise<void> {
    for (let attempt = 0; attempt < 150; attempt++) {
      if ((await this.executionCount(workflowId)) >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`workflow ${workflowId} did not reach ${count} executions`);
  }

  /** Polls until n8n has activated every one of these workflows (it does so after it is ready). */
  async waitForActive(workflowIds: string[]): Promise<void> {
    for (let attempt = 0; attempt < 300; attempt++) {
      const response = await this.request('GET', '/rest/active-workflows');
      const active = ((await response.json()) as { data: string[] }).data;
      if (workflowIds.every((id) => active.includes(id))) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`n8n did not activate ${workflowIds.join(', ')}`);
  }

  async deactivate(workflowId: string): Promise<void> {
    await this.request('POST', `/rest/workflows/${workflowId}/deactivate`, {});
  }

  private async request(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { 'browser-id': this.browserId };
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) {
      throw new Error(
        `${method} ${path} → ${response.status}: ${(await response.text()).slice(0, 300)}`,
      );
    }
    return response;
  }
}
