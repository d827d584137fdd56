// Debian's Chromium, headless, driven by playwright-core. The flags keep it from reaching out
// to the network (this machine has none) and from any first-run work.
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
