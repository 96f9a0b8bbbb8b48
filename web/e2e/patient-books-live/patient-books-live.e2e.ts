import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstSlot, type Slot, slotValue } from '../support/api.ts';
import { launchBrowser, markPage, newScreen, PHONE, screenshot, signIn, wasReloaded } from '../support/browser.ts';
import { startWebStack, type WebStack } from '../support/stack.ts';

let web: WebStack;
let browser: Browser;
let slot: Slot;

beforeAll(async () => {
  web = await startWebStack();
  browser = await launchBrowser();
  const maria = await web.stack.as({ email: 'maria@example.com' });
  slot = await firstSlot(web.stack, maria, 'CONSULT', web.stack.seed.providerIds[0]!);
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

const timeLabel = (iso: string) => new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', timeZone: 'America/New_York' }).format(new Date(iso));

describe('journey 1: a patient books in the portal; reception sees it live', () => {
  it('shows the new booking on the reception day board in another browser without a reload', async () => {
    const reception = await newScreen(browser);
    await signIn(reception.page, web.baseUrl, 'reception@clinigraph.local');
    await reception.page.goto(`${web.baseUrl}/reception?day=${slot.localDate}`);
    await reception.page.getByRole('heading', { name: 'Day board' }).waitFor();
    await reception.page.locator('[data-state="live"]').waitFor();
    await markPage(reception.page);
    const column = reception.page.getByRole('region', { name: slot.provider.displayName });
    const booked = column.locator('li.appointment', { hasText: 'Maria Garcia' }).filter({ hasText: timeLabel(slot.startsAt) });
    expect(await booked.count()).toBe(0);

    const patient = await newScreen(browser, PHONE);
    await signIn(patient.page, web.baseUrl, 'maria@example.com');
    await patient.page.goto(`${web.baseUrl}/portal/book`);
    await patient.page.getByLabel('Day').fill(slot.localDate);
    await patient.page.locator(`input[name="slot"][value="${slotValue(slot)}"]`).check();
    await patient.page.getByLabel('Reason for the visit (optional)').fill('Sore throat');
    await patient.page.getByRole('button', { name: 'Book', exact: true }).click();
    await expect.poll(() => patient.page.getByRole('status').filter({ hasText: 'Booked:' }).count()).toBe(1);
    await screenshot(patient.page, 'journey1-patient-booked-phone');

    await booked.waitFor({ timeout: 10_000 });
    expect(await booked.textContent()).toContain('Sore throat');
    expect(await wasReloaded(reception.page)).toBe(false);
    await screenshot(reception.page, 'journey1-reception-board-live');
  });
});
