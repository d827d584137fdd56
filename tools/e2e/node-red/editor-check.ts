// Drives the Node-RED editor in headless Chromium (Debian's /usr/bin/chromium through
// playwright-core): opens a config node dialog and an API node dialog, reads which fields are
// there, presses "Test connection" and reads the verdict; saves screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../browser';

export interface EditorVerdict {
  /** Switchboard node types in the palette's "Switchboard" category. */
  paletteTypes: string[];
  /** Connections the token node's dialog offers (every Switchboard config node). */
  tokenConnections: string[];
  configFields: string[];
  operationParams: string[];
  testResult: string;
  /** Verdict and hint after typing a wrong secret into the dialog. */
  failedResult: string;
  failedHint: string;
}

interface EditorWindow {
  RED: {
    nodes: { node(id: string): unknown };
    editor: { edit(node: unknown): void; editConfig(name: string, type: string, id: string): void };
  };
}

async function openNodeDialog(page: Page, id: string, ready: string): Promise<void> {
  // Double-click the node on the canvas as a person would; fall back to the editor API if the
  // canvas has scrolled it out of view.
  const onCanvas = page.locator(`g.red-ui-flow-node-group[id="${id}"] rect.red-ui-flow-node`);
  if ((await onCanvas.count()) > 0) {
    await onCanvas
      .first()
      .dblclick({ timeout: 5000 })
      .catch(() => undefined);
  }
  if (!(await page.locator(ready).isVisible())) {
    await page.evaluate((nodeId) => {
      const RED = (window as unknown as EditorWindow).RED;
      RED.editor.edit(RED.nodes.node(nodeId));
    }, id);
  }
}

/** Lets the editor's dialog slide-in animation finish so screenshots show the whole dialog. */
function settle(page: Page): Promise<void> {
  return page.waitForTimeout(600);
}

export async function checkEditor(nodeRedUrl: string, artifacts: string): Promise<EditorVerdict> {
  mkdirSync(artifacts, { recursive: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(nodeRedUrl);
    await page.waitForFunction(() => {
      const RED = (window as unknown as Partial<EditorWindow>).RED;
      return Boolean(RED?.nodes?.node('api-mitel'));
    });
    await page.screenshot({ path: join(artifacts, 'node-red-workspace.png') });
    const category = page.locator('[id="red-ui-palette-base-category-Switchboard"]');
    await category.scrollIntoViewIfNeeded();
    const paletteTypes = await category
      .locator('.red-ui-palette-node')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-palette-type') ?? ''));
    await category.screenshot({ path: join(artifacts, 'node-red-palette.png') });

    await page.evaluate(() => {
      (window as unknown as EditorWindow).RED.editor.editConfig(
        '',
        'switchboard-mitel-cloudlink-config',
        'conn-mitel',
      );
    });
    await page.locator('#node-config-input-clientId').waitFor({ state: 'visible' });
    const configFields = await page
      .locator('[id^="node-config-input-"]')
      .evaluateAll((inputs) => inputs.map((input) => input.id.replace('node-config-input-', '')));
    await settle(page);
    await page.screenshot({ path: join(artifacts, 'config-node-dialog.png') });
    await page.locator('#switchboard-test-connection').click();
    const verdict = page.locator('#switchboard-test-result .switchboard-verdict');
    await verdict.waitFor({ state: 'visible', timeout: 30000 });
    const testResult = (await verdict.textContent()) ?? '';
    await page.locator('#switchboard-test-result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'config-node-test-connection.png') });
    await page
      .locator('#node-config-input-clientSecret')
      .fill('a-wrong-secret-typed-in-the-dialog');
    await page.locator('#switchboard-test-connection').click();
    const failed = page.locator('#switchboard-test-result.switchboard-failed .switchboard-verdict');
    await failed.waitFor({ state: 'visible', timeout: 30000 });
    const failedResult = (await failed.textContent()) ?? '';
    const failedHint =
      (await page.locator('#switchboard-test-result .switchboard-hint').textContent()) ?? '';
    await page.locator('#switchboard-test-result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'config-node-test-connection-failed.png') });
    await page.locator('#node-config-dialog-cancel').click();

    await openNodeDialog(page, 'api-mitel', '#switchboard-params');
    await page
      .locator('#switchboard-params .switchboard-param-input')
      .first()
      .waitFor({ state: 'attached' });
    const operationParams = await page
      .locator('#switchboard-params .switchboard-param-input')
      .evaluateAll((inputs) => inputs.map((input) => input.getAttribute('data-name') ?? ''));
    await settle(page);
    await page.screenshot({ path: join(artifacts, 'api-node-dialog.png') });
    await page.locator('#node-dialog-cancel').click();
    await page.locator('#node-dialog-cancel').waitFor({ state: 'detached' });
    await openNodeDialog(page, 'token-node', '#node-input-connection');
    await page
      .locator('#node-input-connection option[value="conn-generic"]')
      .waitFor({ state: 'attached' });
    const tokenConnections = await page
      .locator('#node-input-connection option')
      .evaluateAll((options) =>
        options.map((option) => (option as HTMLOptionElement).value).filter(Boolean),
      );
    await settle(page);
    await page.screenshot({ path: join(artifacts, 'token-node-dialog.png') });
    await page.locator('#node-dialog-cancel').click();
    return {
      tokenConnections,
      paletteTypes,
      configFields,
      operationParams,
      testResult,
      failedResult,
      failedHint,
    };
  } finally {
    await browser.close();
  }
}
