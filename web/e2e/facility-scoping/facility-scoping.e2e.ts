import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newScreen, screenshot, screensKeptOnFailure, signIn } from '../support/browser.ts';
import { startWebStack, type WebStack } from '../support/stack.ts';

/**
 * Facility scoping as the staff of two sites meet it: each finds the patients of their own facility only.
 * The demo data has two sites, Riverside (every demo account) and Northgate (its nurse and two patients).
 */
let web: WebStack;
let browser: Browser;
const screens = screensKeptOnFailure('facility-scoping');

beforeAll(async () => {
  web = await startWebStack();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

/** Searches the reception patient list and answers the names it shows (none: "No patient matches."). */
async function search(page: Page, term: string): Promise<string[]> {
  await page.goto(`${web.baseUrl}/reception/patients`);
  await page.getByRole('searchbox', { name: 'Find a patient' }).fill(term);
  const matches = page.getByRole('list', { name: 'Matching patients' });
  const none = page.getByText('No patient matches.');
  await matches.or(none).first().waitFor();
  return (await none.isVisible()) ? [] : matches.getByRole('button').allTextContents();
}

describe('journey: a nurse of one facility searches for a patient of another', () => {
  it("Northgate's nurse finds her own patient and nothing of Riverside's", async () => {
    const page = (await newScreen(browser)).page;
    screens.northgate = page;
    await signIn(page, web.baseUrl, 'nurse.northgate@clinigraph.local');
    expect(await search(page, 'Maria Garcia')).toEqual([]);
    await screenshot(page, 'facility-scoping-1-northgate-finds-no-riverside-patient');
    const own = await search(page, 'Noah North');
    expect(own).toHaveLength(1);
    expect(own[0]).toContain('Noah North');
    await screenshot(page, 'facility-scoping-2-northgate-finds-own-patient');
  });

  it("Riverside's nurse finds nothing of Northgate's patients", async () => {
    const page = (await newScreen(browser)).page;
    screens.riverside = page;
    await signIn(page, web.baseUrl, 'nurse@clinigraph.local');
    expect(await search(page, 'Noah North')).toEqual([]);
    await screenshot(page, 'facility-scoping-3-riverside-finds-no-northgate-patient');
    expect((await search(page, 'Maria Garcia')).join(' ')).toContain('Maria Garcia');
  });
});
