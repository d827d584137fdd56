// A person's first minute with the demo: sign in to the editor, open an example workflow, press
// "Execute workflow" and look at the result. Headless Chromium; the screenshot goes to
// tools/e2e/artifacts/n8n-demo-run.png (git-ignored).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../browser';
import { signIn } from '../n8n/screenshots';
import type { Owner } from '../n8n/rest';

const ARTIFACTS = join(__dirname, '..', 'artifacts');

export interface EditorRun {
  /** Where the editor landed after signing in. */
  signedInPath: string;
  /** The canvas text after the run (item counts are shown on the connections). */
  canvasText: string;
  /** The output panel's text of the node opened after the run. */
  outputText: string;
  screenshot: string;
}

export async function runInEditor(
  baseUrl: string,
  owner: Owner,
  workflowId: string,
  nodeName: string,
  expectedText: string,
): Promise<EditorRun> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, baseUrl, owner);
    const signedInPath = new URL(page.url()).pathname;
    await page.goto(`${baseUrl}/workflow/${workflowId}`);
    const node = page.locator('[data-test-id="canvas-node"]').filter({ hasText: nodeName }).first();
    await node.waitFor({ timeout: 60_000 });
    await page.locator('[data-test-id="execute-workflow-button"]').first().click();
    const canvas = page.locator('[data-test-id="canvas-wrapper"], #canvas, .vue-flow').first();
    await canvas.getByText(expectedText).first().waitFor({ timeout: 120_000 });
    const canvasText = await canvas.innerText();
    await node.dblclick();
    const output = page.locator('[data-test-id="output-panel"]').first();
    await output.waitFor({ timeout: 60_000 });
    const outputText = await output.innerText();
    const screenshot = join(ARTIFACTS, 'n8n-demo-run.png');
    await page.screenshot({ path: screenshot });
    return { signedInPath, canvasText, outputText, screenshot };
  } finally {
    await browser.close();
  }
}
