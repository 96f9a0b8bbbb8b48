// First: the token lifetime must be set before the stack (and the kit in it) loads.
import './short-tokens.ts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/format.ts';
import { firstSlot, type Slot, slotValue } from '../support/api.ts';
import { launchBrowser, markPage, newScreen, PHONE, screenshot, signIn, wasReloaded } from '../support/browser.ts';
import { startWebStack, type WebStack } from '../support/stack.ts';
import { ACCESS_TOKEN_TTL_SECONDS } from './short-tokens.ts';

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const timeLabel = (iso: string) => new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', timeZone: 'America/New_York' }).format(new Date(iso));

describe('journey: the reception board stays live across an access token’s expiry and a day change', () => {
  it('shows a booking made from the portal after the token ran out and the board moved to the next day', async () => {
    const reception = await newScreen(browser);
    await signIn(reception.page, web.baseUrl, 'reception@clinigraph.local');
    await reception.page.goto(`${web.baseUrl}/reception?day=${addDays(slot.localDate, -1)}`);
    await reception.page.getByRole('heading', { name: 'Day board' }).waitFor();
    await reception.page.locator('[data-state="live"]').waitFor();
    await markPage(reception.page);

    // The board sits open until the access token it connected with has run out.
    await sleep((ACCESS_TOKEN_TTL_SECONDS + 3) * 1000);
    await reception.page.locator('[data-state="live"]').waitFor({ timeout: 10_000 });
    await reception.page.getByRole('button', { name: 'Next day' }).click();
    await reception.page.waitForURL((url) => url.searchParams.get('day') === slot.localDate);
    await reception.page.locator('[data-state="live"]').waitFor({ timeout: 10_000 });
    const column = reception.page.getByRole('region', { name: slot.provider.displayName });
    const booked = column.locator('li.appointment', { hasText: 'Maria Garcia' }).filter({ hasText: timeLabel(slot.startsAt) });
    expect(await booked.count()).toBe(0);

    const patient = await newScreen(browser, PHONE);
    await signIn(patient.page, web.baseUrl, 'maria@example.com');
    await patient.page.goto(`${web.baseUrl}/portal/book`);
    await patient.page.getByLabel('Day').fill(slot.localDate);
    await patient.page.locator(`input[name="slot"][value="${slotValue(slot)}"]`).check();
    await patient.page.getByLabel('Reason for the visit (optional)').fill('Follow-up after token expiry');
    await patient.page.getByRole('button', { name: 'Book', exact: true }).click();
    await expect.poll(() => patient.page.getByRole('status').filter({ hasText: 'Booked:' }).count()).toBe(1);

    await booked.waitFor({ timeout: 15_000 });
    expect(await booked.textContent()).toContain('Follow-up after token expiry');
    expect(await wasReloaded(reception.page)).toBe(false);
    await screenshot(reception.page, 'live-reauth-board-after-expiry');
  });
});
