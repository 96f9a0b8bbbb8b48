import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newScreen, screenshot, screensKeptOnFailure, signIn } from '../support/browser.ts';
import { startWebStack, type WebStack } from '../support/stack.ts';

let web: WebStack;
let browser: Browser;
const screens = screensKeptOnFailure('patient-merge');

beforeAll(async () => {
  web = await startWebStack();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

/** The desk registers Maria Garcia again, without her phone: the API warns it may be her. */
async function registerMariaAgain(page: Page): Promise<void> {
  const form = page.getByRole('form', { name: 'Register a patient' });
  await form.getByLabel('First name').fill('Maria');
  await form.getByLabel('Last name').fill('Garcia');
  await form.getByLabel('Date of birth').fill('1985-03-14');
  await form.getByRole('button', { name: 'Register', exact: true }).click();
  await page.getByRole('region', { name: 'Possibly the same patient' }).waitFor();
}

describe('journey: a patient registered twice, merged by an admin', () => {
  it('reception registers anyway; the admin follows the warning to the merge screen, compares, keeps one and merges', async () => {
    const desk = (await newScreen(browser)).page;
    screens.reception = desk;
    await signIn(desk, web.baseUrl, 'reception@clinigraph.local');
    await desk.goto(`${web.baseUrl}/reception/patients`);
    await registerMariaAgain(desk);
    expect(await desk.getByRole('link', { name: 'Merge duplicate records' }).count()).toBe(0);
    await desk.getByRole('button', { name: 'Register anyway: this is someone else' }).click();
    await desk.getByRole('status').filter({ hasText: 'Registered Maria Garcia' }).waitFor();

    const admin = (await newScreen(browser)).page;
    screens.admin = admin;
    await signIn(admin, web.baseUrl, 'admin@clinigraph.local');
    await admin.goto(`${web.baseUrl}/reception/patients`);
    await registerMariaAgain(admin);
    await admin.getByRole('link', { name: 'Merge duplicate records' }).click();
    const table = admin.getByRole('table', { name: 'The two records' });
    await table.waitFor();
    expect(await table.getByRole('rowheader', { name: /Phone\s*\(differs\)/ }).count()).toBe(1);
    await screenshot(admin, 'patient-merge-1-compare');

    // Keep the original record, the one with her phone (and her portal account).
    const phones = await table
      .getByRole('row')
      .filter({ has: admin.getByRole('rowheader', { name: /Phone/ }) })
      .getByRole('cell')
      .allTextContents();
    const original = phones.findIndex((p) => p.includes('555'));
    expect(original).toBeGreaterThanOrEqual(0);
    await table.getByRole('radio').nth(original).check();
    await admin.getByLabel('Reason').fill('Registered twice at the desk: same person, same date of birth');
    await admin.getByRole('button', { name: 'Merge…' }).click();
    const confirm = admin.getByRole('region', { name: 'Confirm the merge' });
    await confirm.waitFor();
    await screenshot(admin, 'patient-merge-2-confirm');
    await confirm.getByRole('button', { name: 'Confirm merge' }).click();
    const done = admin.getByRole('status').filter({ hasText: 'Merged' });
    await done.waitFor();
    expect(await done.textContent()).toMatch(/Merged CG\d{8} into CG\d{8}\. Nothing needed copying\. The merged record had no patient account\./);
    await screenshot(admin, 'patient-merge-3-done');

    // The desk's search now finds Maria once.
    await desk.goto(`${web.baseUrl}/reception/patients`);
    await desk.getByRole('searchbox', { name: 'Find a patient' }).fill('Maria Garcia');
    await expect.poll(() => desk.getByRole('list', { name: 'Matching patients' }).getByRole('button').count()).toBe(1);
  });
});
