// Drives the Node-RED editor in headless Chromium (Debian's /usr/bin/chromium through
// playwright-core): opens a config node dialog and an API node dialog, reads which fields are
// there, presses "Test connection" and reads the verdict, opens the notifications node, adds a
// connection from the token node's dialog; checks that the editor bundle came from the
// package's resources folder, that every text was translated from the message catalogues and
// that nothing failed in the console; saves screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../browser';
import { PACKAGE_NAME } from './palette';

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
  /** HTTP statuses of resources/<package>/switchboard-editor.js, and whether it defined its API. */
  editorScriptStatuses: number[];
  editorApiLoaded: boolean;
  /** Texts rendered from the catalogues. */
  paletteLabels: Record<string, string>;
  clientIdLabel: string;
  testButton: string;
  accountIdLabel: string;
  /** data-i18n texts or attributes that show their key or nothing (untranslated), per dialog. */
  untranslated: string[];
  /** Advanced rows: hidden when the dialog opens, shown after a click on "Advanced". */
  advancedInitiallyVisible: boolean;
  advancedVisibleAfterClick: boolean;
  /** Connection types the token dialog can add, and the connection it selected after adding one. */
  tokenNewTypes: string[];
  tokenAddedSelected: boolean;
  consoleErrors: string[];
  /** A non-URL base URL: flagged, and the reason validate gives; hidden (and fine) for production. */
  badUrlFlagged: boolean;
  badUrlReason: string;
  baseUrlHiddenForProduction: boolean;
  hiddenUrlAccepted: boolean;
}

interface EditorWindow {
  RED: {
    nodes: {
      node(id: string): unknown;
      getType(type: string): {
        defaults: Record<
          string,
          { validate: (this: unknown, value: string, options: object) => unknown }
        >;
      };
    };
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

/**
 * Elements with data-i18n whose text or attribute is empty or still the key: what a missing
 * catalogue entry looks like in Node-RED (jquery-i18next writes the key).
 */
function untranslatedIn(page: Page, container: string): Promise<string[]> {
  return page.locator(container).evaluate((root) => {
    const found: string[] = [];
    root.querySelectorAll('[data-i18n]').forEach((element) => {
      for (const entry of (element.getAttribute('data-i18n') ?? '').split(';')) {
        const match = /^(?:\[([^\]]+)\])?(?:[^:]*:)?(.+)$/.exec(entry);
        const attribute = match?.[1];
        const key = match?.[2] ?? entry;
        const shown =
          attribute === undefined || attribute === 'html'
            ? (element.textContent ?? '')
            : (element.getAttribute(attribute) ?? '');
        if (shown.trim() === '' || shown.includes(key)) found.push(`${entry} → "${shown}"`);
      }
    });
    // Texts the browser code writes (parameter labels, options, tips) have no data-i18n: a
    // provider key shown anywhere, as text, placeholder or title, is a missing catalogue entry.
    const providerKey = /\bproviders\.[A-Za-z0-9_-]+\.[A-Za-z]/;
    const texts = [root.textContent ?? ''];
    root.querySelectorAll('[placeholder], [title]').forEach((element) => {
      texts.push(element.getAttribute('placeholder') ?? '', element.getAttribute('title') ?? '');
    });
    for (const text of texts) {
      const key = providerKey.exec(text);
      if (key) found.push(`shown key near "${text.slice(key.index, key.index + 80)}"`);
    }
    return found;
  });
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
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      // Node-RED's palette manager asks catalogue.nodered.org, which this offline machine cannot
      // reach: only errors of the editor's own origin count.
      const origin = message.location().url;
      if (message.type() === 'error' && (origin === '' || origin.startsWith(nodeRedUrl))) {
        consoleErrors.push(`${message.text()} (${origin})`);
      }
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    // Every node file loads the script; the first load is a 200, later ones may be 304s.
    const editorScriptStatuses: number[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith(`/resources/${PACKAGE_NAME}/switchboard-editor.js`)) {
        editorScriptStatuses.push(response.status());
      }
    });
    await page.goto(nodeRedUrl);
    await page.waitForFunction(() => {
      const RED = (window as unknown as Partial<EditorWindow>).RED;
      return Boolean(RED?.nodes?.node('api-mitel'));
    });
    const editorApiLoaded = await page.evaluate(
      () =>
        typeof (window as unknown as { SwitchboardEditor?: object }).SwitchboardEditor === 'object',
    );
    await page.screenshot({ path: join(artifacts, 'node-red-workspace.png') });
    const category = page.locator('[id="red-ui-palette-base-category-Switchboard"]');
    await category.scrollIntoViewIfNeeded();
    const paletteTypes = await category
      .locator('.red-ui-palette-node')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-palette-type') ?? ''));
    const paletteLabels = Object.fromEntries(
      await category.locator('.red-ui-palette-node').evaluateAll((nodes) =>
        nodes.map((node) => [
          node.getAttribute('data-palette-type') ?? '',
          // The palette wraps long labels into one span per line.
          (node.querySelector('.red-ui-palette-label')?.textContent ?? '')
            .replace(/\s+/g, ' ')
            .trim(),
        ]),
      ),
    ) as Record<string, string>;
    await category.screenshot({ path: join(artifacts, 'node-red-palette.png') });
    const untranslated: string[] = [];

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
    const clientIdLabel =
      (await page.locator('label[for="node-config-input-clientId"]').textContent())?.trim() ?? '';
    const testButton =
      (await page.locator('#switchboard-test-connection').textContent())?.trim() ?? '';
    untranslated.push(...(await untranslatedIn(page, '#node-config-dialog-edit-form')));
    await settle(page);
    await page.screenshot({ path: join(artifacts, 'config-node-dialog.png') });
    const advanced = page.locator('.switchboard-advanced');
    const advancedInitiallyVisible = await advanced.isVisible();
    await page.locator('#switchboard-advanced-toggle').click();
    const advancedVisibleAfterClick = await advanced.isVisible();
    await advanced.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'config-node-dialog-advanced.png') });
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
    // Core's rules in the dialog: a base URL that is not a URL is flagged with core's reason,
    // and the field is neither shown nor checked once another environment is picked.
    const baseUrl = page.locator('#node-config-input-customBaseUrl');
    await baseUrl.fill('cloudlink.example');
    await baseUrl.dispatchEvent('change');
    const badUrlFlagged = await baseUrl.evaluate((input) =>
      input.classList.contains('input-error'),
    );
    const badUrlReason = await page.evaluate(() => {
      const RED = (window as unknown as EditorWindow).RED;
      const definition = RED.nodes.getType('switchboard-mitel-cloudlink-config');
      return String(
        definition.defaults.customBaseUrl?.validate.call(
          RED.nodes.node('conn-mitel'),
          'cloudlink.example',
          {},
        ),
      );
    });
    await page.screenshot({ path: join(artifacts, 'config-node-invalid-url.png') });
    await page.locator('#node-config-input-environment').selectOption('production');
    const baseUrlHiddenForProduction = !(await baseUrl.isVisible());
    const hiddenUrlAccepted = await baseUrl.evaluate(
      (input) => !input.classList.contains('input-error'),
    );
    await page.locator('#node-config-dialog-cancel').click();

    await openNodeDialog(page, 'api-mitel', '#switchboard-params');
    await page
      .locator('#switchboard-params .switchboard-param-input')
      .first()
      .waitFor({ state: 'attached' });
    const operationParams = await page
      .locator('#switchboard-params .switchboard-param-input')
      .evaluateAll((inputs) => inputs.map((input) => input.getAttribute('data-name') ?? ''));
    const accountIdLabel =
      (
        await page
          .locator('.switchboard-param', { has: page.locator('[data-name="accountId"]') })
          .locator('label')
          .textContent()
      )?.trim() ?? '';
    untranslated.push(...(await untranslatedIn(page, '#dialog-form')));
    await settle(page);
    await page.screenshot({ path: join(artifacts, 'api-node-dialog.png') });
    await page.locator('#node-dialog-cancel').click();
    await page.locator('#node-dialog-cancel').waitFor({ state: 'detached' });
    await openNodeDialog(page, 'events', '#node-input-publicUrl');
    await page.locator('#node-input-publicUrl').waitFor({ state: 'visible' });
    untranslated.push(...(await untranslatedIn(page, '#dialog-form')));
    await settle(page);
    await page.screenshot({ path: join(artifacts, 'notifications-node-dialog.png') });
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
    untranslated.push(...(await untranslatedIn(page, '#dialog-form')));
    const tokenNewTypes = await page
      .locator('#switchboard-token-provider option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    await settle(page);
    await page.screenshot({ path: join(artifacts, 'token-node-dialog.png') });
    // Add a connection from the token dialog: its config dialog opens, Add returns to the token
    // dialog with the new connection selected.
    await page
      .locator('#switchboard-token-provider')
      .selectOption('switchboard-generic-oauth2-config');
    await page.locator('#switchboard-token-add').click();
    await page.locator('#node-config-input-name').waitFor({ state: 'visible' });
    await page.locator('#node-config-input-name').fill('added from the token node');
    await page.locator('#node-config-dialog-ok').click();
    await page.locator('#node-config-input-name').waitFor({ state: 'detached' });
    const selected = page.locator('#node-input-connection option:checked');
    await selected.waitFor({ state: 'attached' });
    const tokenAddedSelected = ((await selected.textContent()) ?? '').startsWith(
      'added from the token node',
    );
    await settle(page);
    await page.screenshot({ path: join(artifacts, 'token-node-dialog-added.png') });
    await page.locator('#node-dialog-cancel').click();
    return {
      editorScriptStatuses,
      editorApiLoaded,
      paletteLabels,
      clientIdLabel,
      testButton,
      accountIdLabel,
      untranslated,
      advancedInitiallyVisible,
      advancedVisibleAfterClick,
      tokenNewTypes,
      tokenAddedSelected,
      consoleErrors,
      badUrlFlagged,
      badUrlReason,
      baseUrlHiddenForProduction,
      hiddenUrlAccepted,
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
