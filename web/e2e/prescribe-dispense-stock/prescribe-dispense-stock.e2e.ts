import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, markPage, newScreen, screenshot, signIn, wasReloaded } from '../support/browser.ts';
import { startWebStack, type WebStack } from '../support/stack.ts';

let web: WebStack;
let browser: Browser;
let paracetamol: string;
let pharmacy: string;

beforeAll(async () => {
  web = await startWebStack();
  browser = await launchBrowser();
  const pharmacist = await web.stack.as('pharmacist');
  const { items, locations } = await pharmacist.data<{ items: { id: string; sku: string }[]; locations: { id: string; code: string }[] }>(
    'query($f: ID!) { items { id sku } locations(facilityId: $f) { id code } }',
    { f: web.stack.seed.facilityId },
  );
  paracetamol = items.find((i) => i.sku === 'MED-PARA-500')!.id;
  pharmacy = locations.find((l) => l.code === 'PHARM')!.id;
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('journey 3: prescribe, dispense, and watch the stock drop live', () => {
  it('a doctor finalises, the pharmacist dispenses, and a third screen shows the new level without a reload', async () => {
    const stock = await newScreen(browser);
    await signIn(stock.page, web.baseUrl, 'admin@clinigraph.local');
    await stock.page.goto(`${web.baseUrl}/pharmacy/stock`);
    const level = stock.page.locator(`tr[data-stock="${paracetamol}@${pharmacy}"] td[data-quantity]`);
    await expect.poll(() => level.textContent()).toBe('750 tablet');
    await stock.page.locator('[data-state="live"]').waitFor();
    await markPage(stock.page);

    const doctor = await newScreen(browser);
    await signIn(doctor.page, web.baseUrl, 'dr.okafor@clinigraph.local');
    await doctor.page.goto(`${web.baseUrl}/doctor/patients`);
    await doctor.page.getByRole('searchbox', { name: 'Patient' }).fill('James');
    await doctor.page.getByRole('button', { name: /James Chen/ }).click();
    await doctor.page.getByRole('button', { name: 'Open a walk-in encounter' }).click();
    await doctor.page.getByRole('button', { name: 'Start consultation' }).click();
    await doctor.page.getByRole('button', { name: 'Close encounter' }).waitFor();
    const form = doctor.page.getByRole('form', { name: 'Add a medicine' });
    await form.getByLabel('Medicine').selectOption({ label: 'Paracetamol 500 mg tablets' });
    await form.getByLabel('Dose').fill('1 g');
    await form.getByLabel('Frequency').fill('4 times a day');
    await form.getByLabel('Days').fill('3');
    await form.getByLabel('Quantity').fill('24');
    await form.getByRole('button', { name: 'Start prescription' }).click();
    await doctor.page.getByText('No allergy or interaction warnings.').waitFor();
    await doctor.page.getByRole('button', { name: 'Finalise prescription' }).click();
    await doctor.page.getByText(/Finalised: Paracetamol 500 mg tablets/).waitFor();
    await screenshot(doctor.page, 'journey3-doctor-finalised');

    const pharmacist = await newScreen(browser);
    await signIn(pharmacist.page, web.baseUrl, 'pharmacy@clinigraph.local');
    await pharmacist.page.getByRole('link', { name: 'Dispense for James Chen' }).click();
    await pharmacist.page.getByRole('table', { name: 'Lots to take' }).getByText('24 from PCM-2410').waitFor();
    await screenshot(pharmacist.page, 'journey3-pharmacist-fefo-preview');
    await pharmacist.page.getByRole('button', { name: 'Dispense', exact: true }).click();
    await pharmacist.page.getByRole('status').filter({ hasText: 'Dispensed.' }).waitFor();

    await expect.poll(() => level.textContent(), { timeout: 10_000 }).toBe('726 tablet');
    expect(await wasReloaded(stock.page)).toBe(false);
    await screenshot(stock.page, 'journey3-stock-dropped-live');
  });
});
