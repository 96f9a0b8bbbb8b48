import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterEach } from 'vitest';

/** Debian's chromium; Playwright's own download is blocked on these machines. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const SCREENSHOTS = fileURLToPath(new URL('../../../.e2e-artifacts/screenshots/', import.meta.url));

export const launchBrowser = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: ARGS });

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 860 };

/** A fresh browser context (its own cookies and sessionStorage: another person at another screen). */
export async function newScreen(browser: Browser, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'en-US', timezoneId: 'America/New_York' });
  const page = await context.newPage();
  // Generous: on a loaded 2-core CI machine a screen can take seconds to answer; a passing step never waits this long.
  page.setDefaultTimeout(30_000);
  return { context, page };
}

/** Signs in through the sign-in form, as a person would, and waits to leave it. */
export async function signIn(page: Page, baseUrl: string, email: string, password = 'clinigraph-demo', path = '/sign-in'): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Saves what the screen shows to .e2e-artifacts/screenshots/<name>.png (kept out of git). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Marks the page so a later check can prove it was never reloaded. */
export const markPage = (page: Page) => page.evaluate(() => Object.assign(window, { __e2eMark: true }));
export const wasReloaded = async (page: Page) => !(await page.evaluate(() => (window as unknown as { __e2eMark?: boolean }).__e2eMark === true));

/**
 * The journey's open screens by person; when a test fails, each is saved as `<journey>-failed[-<step>]-<person>.png`
 * so the CI artifacts show where it stopped.
 */
export function screensKeptOnFailure(journey: string): Record<string, Page> {
  const screens: Record<string, Page> = {};
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    const step = task.name.match(/^\d+/)?.[0];
    for (const [who, page] of Object.entries(screens)) await screenshot(page, `${journey}-failed${step ? `-${step}` : ''}-${who}`).catch(() => {});
  });
  return screens;
}
