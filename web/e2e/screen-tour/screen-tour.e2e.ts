import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Area } from '../../src/lib/roles.ts';
import { AREA_NAV } from '../../src/shell/area-nav.ts';
import { launchBrowser, newScreen, PHONE, screenshot, screensKeptOnFailure, signIn } from '../support/browser.ts';
import { startWebStack, type WebStack } from '../support/stack.ts';

/**
 * Every page of every area's menu, opened by the person it is for: each must load without an error or a raw
 * message, pass axe-core (serious and critical), and is saved at the three widths (`screenshot`) to be looked at.
 */
const PEOPLE: Record<Area, string> = {
  reception: 'reception@clinigraph.local',
  doctor: 'dr.okafor@clinigraph.local',
  pharmacy: 'pharmacy@clinigraph.local',
  billing: 'billing@clinigraph.local',
  lab: 'lab@clinigraph.local',
  admin: 'admin@clinigraph.local',
  portal: 'maria@example.com',
};

/** What a person must never read: validator, GraphQL or server internals. */
const RAW =
  /Too (small|big)|expected (string|number|array)|cannot represent|Variable "\$|ZodError|Syntax Error|Something went wrong on our side|Cannot query field/;

let web: WebStack;
let browser: Browser;
const screens = screensKeptOnFailure('tour');

beforeAll(async () => {
  web = await startWebStack();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

const slug = (href: string) => href.split('/').filter(Boolean).join('-') || 'home';

describe('every page of every menu', () => {
  for (const [area, pages] of Object.entries(AREA_NAV) as [Area, { href: string; label: string }[]][]) {
    it(`${area}: ${pages.map((p) => p.label).join(', ')}`, async () => {
      const { page } = await newScreen(browser, area === 'portal' ? PHONE : undefined);
      screens[area] = page;
      await signIn(page, web.baseUrl, PEOPLE[area]);
      for (const { href, label } of pages) {
        await page.goto(`${web.baseUrl}${href}`);
        await page.locator('main h1').first().waitFor();
        await page.waitForFunction(() => !document.querySelector('main [aria-busy="true"], main .loading'), undefined, { timeout: 15_000 }).catch(() => {});
        await page.waitForLoadState('networkidle').catch(() => {});
        const text = (await page.locator('main').textContent()) ?? '';
        expect(text, `${label} (${href}) shows a raw message`).not.toMatch(RAW);
        await screenshot(page, `tour-${slug(href)}`);
      }
    });
  }
});
