import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newScreen, screenshot, screensKeptOnFailure, signIn } from '../support/browser.ts';
import { ask, graphql } from '../support/graphql.ts';
import { startWebStack, type WebStack } from '../support/stack.ts';

const INVOICE = graphql(`
  query WalkInInvoice($id: ID!) { invoice(id: $id) { status totalMinor balanceMinor lines { code } } }
`);

let web: WebStack;
let browser: Browser;
const screens = screensKeptOnFailure('walk-in');

beforeAll(async () => {
  web = await startWebStack();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('journey: a walk-in visit to a paid invoice', () => {
  it('the doctor sees a walk-in, billing invoices the consultation from the price list, and the patient pays at the desk', async () => {
    const doctor = (await newScreen(browser)).page;
    screens.doctor = doctor;
    await signIn(doctor, web.baseUrl, 'dr.okafor@clinigraph.local');
    await doctor.goto(`${web.baseUrl}/doctor/patients`);
    await doctor.getByRole('searchbox', { name: 'Patient' }).fill('James');
    await doctor.getByRole('button', { name: /James Chen/ }).click();
    await doctor.getByRole('button', { name: 'Open a walk-in encounter' }).click();
    await doctor.getByRole('button', { name: 'Start consultation' }).click();
    const diagnoses = doctor.getByRole('region', { name: 'Diagnoses' });
    await diagnoses.getByLabel('Find an ICD-10 code').fill('J06.9');
    await diagnoses.getByRole('button', { name: /J06\.9/ }).click();
    await diagnoses.getByText('Primary').waitFor();
    await doctor.getByRole('button', { name: 'Close encounter' }).click();
    await doctor.getByRole('heading', { name: /Closed/ }).waitFor();
    await screenshot(doctor, 'walk-in-1-closed');

    const billing = (await newScreen(browser)).page;
    screens.billing = billing;
    await signIn(billing, web.baseUrl, 'billing@clinigraph.local');
    await billing.goto(`${web.baseUrl}/billing`);
    await billing.getByLabel('Patient (optional)').fill('James');
    await billing.getByRole('button', { name: /James Chen/ }).click();
    await billing.getByRole('button', { name: 'New draft from uncharged items' }).click();
    await billing.getByRole('heading', { name: /Invoice .* Draft/ }).waitFor();
    const lines = billing.locator('table tbody tr');
    await expect.poll(() => lines.count()).toBe(1);
    expect(await lines.first().textContent()).toContain('General practice consultation');
    await billing.getByRole('button', { name: 'Issue invoice' }).click();
    await billing.getByRole('heading', { name: /Issued/ }).waitFor();
    const payment = billing.getByRole('form', { name: 'Record a payment' });
    await payment.getByLabel('Method').selectOption('CARD');
    await payment.getByLabel(/Amount/).fill('50.00');
    await payment.getByLabel('Reference').fill('Card slip 0042');
    await payment.getByRole('button', { name: 'Record payment' }).click();
    await billing.getByRole('heading', { name: /Paid/ }).waitFor();
    await screenshot(billing, 'walk-in-2-paid');

    const admin = await web.stack.as('billing');
    const invoiceId = billing.url().split('/').pop()!;
    const { invoice } = await ask(admin, INVOICE, { id: invoiceId });
    expect(invoice).toMatchObject({ status: 'PAID', totalMinor: 5000, balanceMinor: 0, lines: [{ code: 'CONSULT-GP' }] });
  });
});
