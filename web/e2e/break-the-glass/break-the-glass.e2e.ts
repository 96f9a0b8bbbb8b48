import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newScreen, screenshot, screensKeptOnFailure, signIn } from '../support/browser.ts';
import { startWebStack, type WebStack } from '../support/stack.ts';

/**
 * Break-the-glass as a clinic meets it: a Riverside doctor needs the chart of a Northgate patient (Noah North,
 * born 1968-09-30) who is not one of Riverside's. The search finds nothing; emergency access opens the chart
 * with a reason and the doctor's password; the network admin finds the grant flagged for review, with what was read.
 */
let web: WebStack;
let browser: Browser;
const screens = screensKeptOnFailure('break-the-glass');
const REASON = 'Brought in unconscious to Riverside; need his allergies and medicines';

beforeAll(async () => {
  web = await startWebStack();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('journey: emergency access to a chart outside the doctor’s facility, and its review', () => {
  it('1. the doctor does not find the patient, opens the chart by emergency access with a reason, and reads it', async () => {
    const page = (await newScreen(browser)).page;
    screens.doctor = page;
    await signIn(page, web.baseUrl, 'dr.okafor@clinigraph.local');
    await page.goto(`${web.baseUrl}/doctor/patients`);
    await page.getByRole('searchbox').fill('Noah North');
    await page.getByText('No patient matches.').waitFor();
    await page.getByRole('button', { name: 'Emergency access…' }).click();
    const form = page.getByRole('form', { name: 'Emergency access' });
    await form.getByRole('button', { name: 'Open the chart' }).click();
    // Nothing is sent without a reason and a way to find the patient exactly.
    expect(await form.getByText('Say why you need this chart (at least 10 characters).').count()).toBe(1);
    await screenshot(page, 'break-the-glass-1-form-refuses-without-reason');
    await form.getByLabel('Family name').fill('North');
    await form.getByLabel('Date of birth').fill('1968-09-30');
    await form.getByLabel('Reason').fill(REASON);
    await form.getByLabel('Your password').fill('clinigraph-demo');
    await form.getByRole('button', { name: 'Open the chart' }).click();
    await page.waitForURL(/\/doctor\/patients\/[0-9a-f-]{36}/);
    await page
      .getByRole('heading', { name: /Noah North/ })
      .first()
      .waitFor();
    await screenshot(page, 'break-the-glass-2-chart-open');
  });

  it('2. the network admin sees the grant flagged for review, with the reason and what was read, and marks it reviewed', async () => {
    const page = (await newScreen(browser)).page;
    screens.admin = page;
    await signIn(page, web.baseUrl, 'admin@clinigraph.local');
    await page.goto(`${web.baseUrl}/admin/emergency-access`);
    const grant = page.getByRole('listitem', { name: /Emergency access by .*Okafor/ });
    await grant.waitFor();
    expect(await grant.getByRole('heading').textContent()).toContain('Noah North');
    expect(await grant.textContent()).toContain(REASON);
    expect(await grant.getByRole('table').getByRole('row').count()).toBeGreaterThan(1);
    await screenshot(page, 'break-the-glass-3-admin-review');
    await grant.getByLabel('Review note').fill('Checked with the ward: a real emergency');
    await grant.getByRole('button', { name: 'Mark reviewed' }).click();
    await page.getByText('No emergency access is waiting for review.').waitFor();
    await screenshot(page, 'break-the-glass-4-reviewed');
  });
});
