// What a person sees: n8n's editor in headless Chromium (Debian's, driven by playwright-core),
// signed in as the owner. Screenshots go to tools/e2e/artifacts/ (git-ignored).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { getProfile } from '@switchboard/core';
import type { ProviderCase } from './fixtures';
import { credentialId } from './fixtures';
import type { Owner } from './rest';
import { launchChromium } from '../browser';

const ARTIFACTS = join(__dirname, '..', 'artifacts');

export interface Shown {
  /** Credential field labels of the profile found in the credential dialog. */
  credentialDialog: string[];
  /** Labels found in the node panel. */
  nodePanel: string[];
}

export async function takeScreenshots(
  baseUrl: string,
  owner: Owner,
  workflowId: string,
  entry: ProviderCase,
): Promise<Shown> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const profile = getProfile('mitel-cloudlink');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, baseUrl, owner);

    await page.goto(`${baseUrl}/home/credentials/${credentialId(entry.key)}`);
    const dialog = page.getByRole('dialog').first();
    await dialog.getByText('Client Secret').first().waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'n8n-credential-dialog.png') });
    const dialogText = await dialog.innerText();
    const credentialDialog = profile.fields
      .map((field) => field.displayName)
      .filter((label) => dialogText.includes(label));

    await page.keyboard.press('Escape');
    await page.goto(`${baseUrl}/workflow/${workflowId}`);
    const node = page
      .locator('[data-test-id="canvas-node"]')
      .filter({ hasText: 'Switchboard' })
      .first();
    await node.waitFor({ timeout: 60_000 });
    await node.dblclick();
    const panel = page.locator('[data-test-id="ndv"]').first();
    await panel.getByText('Account ID').first().waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'n8n-node-panel.png') });
    const panelText = await panel.innerText();
    const nodePanel = [
      'Resource',
      'Operation',
      'Account ID',
      'Page Size',
      'Return All',
      'Limit',
    ].filter((label) => panelText.includes(label));
    return { credentialDialog, nodePanel };
  } finally {
    await browser.close();
  }
}

export async function signIn(page: Page, baseUrl: string, owner: Owner): Promise<void> {
  await page.goto(`${baseUrl}/signin`);
  await page
    .locator('input[type="email"], input[name="emailOrLdapLoginId"]')
    .first()
    .fill(owner.email);
  await page.locator('input[type="password"]').first().fill(owner.password);
  await page
    .getByRole('button', { name: /sign in/i })
    .first()
    .click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60_000 });
}
