import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstSlot, type Slot, slotValue } from '../support/api.ts';
import { launchBrowser, newScreen, screenshot, signIn } from '../support/browser.ts';
import { startWebStack, type WebStack } from '../support/stack.ts';

let web: WebStack;
let browser: Browser;
let slot: Slot;
const SECOND = { email: 'reception2@clinigraph.local', password: 'second-desk-2026' };

beforeAll(async () => {
  web = await startWebStack();
  browser = await launchBrowser();
  const admin = await web.stack.as('admin');
  await admin.data('mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }', {
    i: { ...SECOND, displayName: 'Sam Second-Desk', roles: ['RECEPTIONIST'], facilityIds: [web.stack.seed.facilityId] },
  });
  slot = await firstSlot(web.stack, admin, 'CONSULT', web.stack.seed.providerIds[0]!);
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

/** A receptionist with the booking form filled in for a patient and the contested slot chosen. */
async function readyToBook(email: string, password: string | undefined, patientName: string): Promise<Page> {
  const { page } = await newScreen(browser);
  await signIn(page, web.baseUrl, email, password);
  await page.goto(`${web.baseUrl}/reception/book`);
  await page.getByRole('searchbox', { name: 'Patient' }).fill(patientName.split(' ')[0]!);
  await page.getByRole('button', { name: new RegExp(patientName) }).click();
  await page.getByLabel('Day').fill(slot.localDate);
  await page.locator(`input[name="slot"][value="${slotValue(slot)}"]`).check();
  return page;
}

describe('journey 2: two receptionists try the same slot', () => {
  it('books it for the first and tells the second, in plain words, to pick another', async () => {
    const first = await readyToBook('reception@clinigraph.local', undefined, 'James Chen');
    const second = await readyToBook(SECOND.email, SECOND.password, 'Aisha Khan');

    await first.getByRole('button', { name: 'Book', exact: true }).click();
    await first.getByRole('status').filter({ hasText: 'Booked:' }).waitFor();

    await second.getByRole('button', { name: 'Book', exact: true }).click();
    const alert = second.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Someone just booked this time — pick another');
    expect(await alert.getAttribute('data-code')).toBe('SLOT_TAKEN');
    await expect.poll(() => second.locator(`input[name="slot"][value="${slotValue(slot)}"]`).count()).toBe(0);

    await screenshot(first, 'journey2-first-receptionist-booked');
    await screenshot(second, 'journey2-second-receptionist-slot-taken');
  });
});
