import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterEach } from 'vitest';
import { accessibilityViolations, describeViolations } from './accessibility.ts';

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
export const TABLET = { width: 768, height: 1024 };
export const DESKTOP = { width: 1366, height: 900 };
/** Every checkpoint is looked at in these three layouts. */
export const LAYOUTS = { phone: PHONE, tablet: TABLET, desktop: DESKTOP };

/** What chromium refused under the gateway's Content-Security-Policy, by page (it reports each refusal as a console error). */
const cspRefusals = new WeakMap<Page, string[]>();
export const cspRefusalsOf = (page: Page): string[] => cspRefusals.get(page) ?? [];

/** A fresh browser context (its own cookies and sessionStorage: another person at another screen). */
export async function newScreen(browser: Browser, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'en-US', timezoneId: 'America/New_York' });
  const page = await context.newPage();
  const refused: string[] = [];
  cspRefusals.set(page, refused);
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) refused.push(message.text());
  });
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

function save(page: Page, file: string): Promise<Buffer> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return page.screenshot({ path: `${SCREENSHOTS}${file}.png`, fullPage: true });
}

/**
 * A checkpoint of a journey: nothing on the page may have been refused by the Content-Security-Policy so far, the
 * screen must have no serious or critical accessibility violation (axe-core), and what it shows is saved to
 * .e2e-artifacts/screenshots/<name>.png, plus <name>@phone, @tablet and @desktop in the three layouts the app
 * supports (the page is resized and put back, never reloaded).
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  const refused = cspRefusalsOf(page);
  if (refused.length) throw new Error(`${name} (${page.url()}): the Content-Security-Policy refused:\n${refused.join('\n')}`);
  const violations = await accessibilityViolations(page);
  if (violations.length) {
    await save(page, `${name}-a11y-failed`);
    throw new Error(describeViolations(`${name} (${page.url()})`, violations));
  }
  await save(page, name);
  const viewport = page.viewportSize();
  for (const [layout, size] of Object.entries(LAYOUTS)) {
    await page.setViewportSize(size);
    await save(page, `${name}@${layout}`);
  }
  if (viewport) await page.setViewportSize(viewport);
  return `${SCREENSHOTS}${name}.png`;
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
    for (const [who, page] of Object.entries(screens)) await save(page, `${journey}-failed${step ? `-${step}` : ''}-${who}`).catch(() => {});
  });
  return screens;
}
