import type { GqlClient } from '@clinigraph/kit/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultOf } from '../../src/lib/graphql.ts';
import { type Slot, slotValue } from '../support/api.ts';
import { launchBrowser, markPage, newScreen, PHONE, screenshot, screensKeptOnFailure, signIn, wasReloaded } from '../support/browser.ts';
import { slotNow, timeLabel } from '../support/clinic.ts';
import { ask, graphql } from '../support/graphql.ts';
import { startWebStack, type WebStack } from '../support/stack.ts';

const APPOINTMENT_STATUS = graphql(`
  query JourneyAppointmentStatus($id: ID!) { appointment(id: $id) { status } }
`);
const INVOICE_TOTALS = graphql(`
  query JourneyInvoiceTotals($id: ID!) { invoice(id: $id) { totalMinor paidMinor balanceMinor lines { code } } }
`);
const CHART_READERS = graphql(`
  query JourneyChartReaders($p: ID!, $after: String) {
    auditEvents(filter: { patientId: $p, action: "read" }, first: 100, after: $after) { nodes { actor { email } } pageInfo { hasNextPage endCursor } }
  }
`);
const STOCK = graphql(`
  query JourneyStock($f: ID!) { stockBalances(filter: { facilityId: $f }) { quantity item { sku } location { code } } }
`);

/**
 * A clinic's whole day through the screens, from a fresh demo clinic: a patient books in the portal, reception
 * checks her in, the doctor sees her, the lab reports a critical value, the pharmacy dispenses, billing invoices
 * the visit and the patient pays part of it. Each step is one person at their own screen; the steps run in order.
 */
let web: WebStack;
let browser: Browser;
let admin: GqlClient;
let slot: Slot;
let appointmentId: string;
let encounterId: string;
let invoiceId: string;
let stockBefore: Record<string, number>;
const screens = screensKeptOnFailure('clinic-day');

const PATIENT = { email: 'aisha@example.com', name: 'Aisha Khan' };
const DOCTOR = 'dr.okafor@clinigraph.local';

async function screen(who: string, email: string, viewport?: typeof PHONE): Promise<Page> {
  const { page } = await newScreen(browser, viewport);
  await signIn(page, web.baseUrl, email);
  screens[who] = page;
  return page;
}

beforeAll(async () => {
  web = await startWebStack();
  browser = await launchBrowser();
  admin = await web.stack.as('admin');
  slot = await slotNow(web.stack, admin, web.stack.seed.providerIds[0]!);
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe("a clinic's day, screen by screen", () => {
  it('1. the patient books in the portal and the booking appears live on reception’s day board', async () => {
    const reception = await screen('reception', 'reception@clinigraph.local');
    await reception.goto(`${web.baseUrl}/reception?day=${slot.localDate}`);
    await reception.locator('[data-state="live"]').waitFor();
    await markPage(reception);

    const patient = await screen('patient', PATIENT.email, PHONE);
    await patient.goto(`${web.baseUrl}/portal/book`);
    await patient.getByLabel('Day').fill(slot.localDate);
    await patient.locator(`input[name="slot"][value="${slotValue(slot)}"]`).check();
    await patient.getByLabel('Reason for the visit (optional)').fill('Cough and fever');
    await patient.getByRole('button', { name: 'Book', exact: true }).click();
    await patient.getByRole('status').filter({ hasText: 'Booked:' }).waitFor();
    await screenshot(patient, 'clinic-day-1-patient-booked');

    const row = reception.getByRole('region', { name: slot.provider.displayName }).locator('li.appointment', { hasText: PATIENT.name });
    await row.filter({ hasText: timeLabel(slot.startsAt) }).waitFor();
    expect(await wasReloaded(reception)).toBe(false);
    await screenshot(reception, 'clinic-day-1-reception-live');
  });

  it('2. reception checks the patient in and she appears live in the doctor’s “Waiting for you”', async () => {
    const doctor = await screen('doctor', DOCTOR);
    await doctor.goto(`${web.baseUrl}/doctor`);
    const waitingList = doctor.getByRole('region', { name: 'Waiting for you' });
    await waitingList.getByText('Nobody is waiting.').waitFor();
    await markPage(doctor);

    const reception = screens.reception!;
    const row = reception.getByRole('region', { name: slot.provider.displayName }).locator('li.appointment', { hasText: PATIENT.name });
    appointmentId = (await row.getAttribute('data-appointment'))!;
    await row.getByRole('button', { name: 'Check in' }).click();
    await row.getByText('Checked in').waitFor();
    await screenshot(reception, 'clinic-day-2-checked-in');

    const waiting = waitingList.getByRole('link', { name: PATIENT.name });
    await waiting.waitFor();
    expect(await wasReloaded(doctor)).toBe(false);
    await screenshot(doctor, 'clinic-day-2-doctor-queue');
    const href = (await waiting.getAttribute('href'))!;
    encounterId = href.split('/').pop()!;
  });

  it('3. the doctor records vitals, a note, a diagnosis, two medicines (one with an allergy warning), a lab test, and closes the visit', async () => {
    const doctor = screens.doctor!;
    await doctor.getByRole('link', { name: PATIENT.name }).first().click();
    await doctor.getByRole('button', { name: 'Start consultation' }).click();
    await doctor.getByRole('button', { name: 'Close encounter' }).waitFor();

    const vitals = doctor.getByRole('form', { name: 'Record vitals' });
    await vitals.getByLabel('Systolic (mmHg)').fill('128');
    await vitals.getByLabel('Diastolic (mmHg)').fill('82');
    await vitals.getByLabel('Pulse (bpm)').fill('96');
    await vitals.getByLabel('Temperature (°C)').fill('38.4');
    await vitals.getByRole('button', { name: 'Save vitals' }).click();
    await doctor.getByRole('region', { name: 'Vitals this visit' }).getByText('BP 128/82').waitFor();

    await doctor.getByRole('button', { name: 'New note' }).click();
    const note = doctor.getByRole('form', { name: 'New note' });
    await note.getByLabel(/^Subjective/).fill('Cough for five days, fever since yesterday.');
    await note.getByLabel(/^Assessment/).fill('Likely viral bronchitis.');
    await note.getByRole('button', { name: 'Save note' }).click();
    await doctor.getByRole('region', { name: 'Notes' }).getByText('Likely viral bronchitis.').waitFor();

    const diagnoses = doctor.getByRole('region', { name: 'Diagnoses' });
    await diagnoses.getByLabel('Find an ICD-10 code').fill('J20.9');
    await diagnoses.getByRole('button', { name: /J20\.9/ }).click();
    await diagnoses.getByText('Primary').waitFor();

    await doctor.goto(`${web.baseUrl}/doctor/patients/${await patientId()}`);
    const allergy = doctor.getByRole('form', { name: 'Add an allergy' });
    await allergy.getByLabel('Substance').fill('Ibuprofen');
    await allergy.getByLabel('Severity').selectOption({ label: 'Mild' });
    await allergy.getByLabel('Reaction').fill('Mild rash');
    await allergy.getByRole('button', { name: /Add/ }).click();
    await doctor.getByRole('region', { name: 'Allergies' }).getByText('Ibuprofen').waitFor();
    await doctor.goto(`${web.baseUrl}/doctor/encounters/${encounterId}`);

    const medicine = doctor.getByRole('form', { name: 'Add a medicine' });
    await prescribe(doctor, 'Paracetamol 500 mg tablets', '1 g', '4 times a day', '3', '12');
    await doctor
      .getByRole('region', { name: 'Prescriptions' })
      .getByText(/^Paracetamol 500 mg tablets — 1 g/)
      .waitFor();
    await medicine.getByLabel('Medicine').selectOption({ label: 'Ibuprofen 400 mg tablets' });
    await prescribeRest(doctor, '400 mg', '3 times a day', '3', '9', 'Add to draft');
    const review = doctor.getByRole('form', { name: 'Safety review' });
    await review
      .getByText(/Ibuprofen/)
      .first()
      .waitFor();
    await review.getByLabel('Reason to go ahead').fill('Rash was mild; short course with food.');
    await screenshot(doctor, 'clinic-day-3-allergy-warning');
    const pharmacy = await screen('pharmacy', 'pharmacy@clinigraph.local');
    await pharmacy.goto(`${web.baseUrl}/pharmacy`);
    await pharmacy.getByRole('heading', { name: 'Dispense queue' }).waitFor();
    await pharmacy.locator('[data-state="live"]').waitFor();
    await markPage(pharmacy);
    await doctor.getByRole('button', { name: 'Finalise prescription' }).click();
    await doctor.getByText(/Finalised: Paracetamol 500 mg tablets/).waitFor();

    const labs = doctor.getByRole('form', { name: 'Order lab tests' });
    await labs.getByLabel('Glucose, fasting').check();
    await labs.getByRole('button', { name: 'Order tests' }).click();
    await labs.getByText('Tests ordered.').waitFor();

    await doctor.getByRole('button', { name: 'Close encounter' }).click();
    await doctor.getByRole('heading', { name: /Closed/ }).waitFor();
    await screenshot(doctor, 'clinic-day-3-encounter-closed');
  });

  it('4. the lab enters a critical result, verifies and releases it; the doctor is alerted live and acknowledges', async () => {
    const doctor = screens.doctor!;
    await doctor.goto(`${web.baseUrl}/doctor`);
    await doctor.locator('[data-state="live"]').waitFor();
    await markPage(doctor);

    const lab = await screen('lab', 'lab@clinigraph.local');
    await lab.goto(`${web.baseUrl}/lab`);
    const collect = lab.getByRole('form', { name: `Collect sample for ${PATIENT.name}` });
    await collect.getByLabel('Specimen').fill('Venous blood');
    await collect.getByRole('button', { name: 'Record collection' }).click();
    await lab.getByRole('button', { name: `Receive sample for ${PATIENT.name}` }).click();
    await lab.getByRole('link', { name: `Open order for ${PATIENT.name}` }).click();
    const entry = lab.getByRole('form', { name: 'Enter Glucose, fasting' });
    await entry.getByLabel(/Glucose, fasting value/).fill('28');
    await entry.getByRole('button', { name: 'Save result' }).click();
    await lab.getByRole('status').filter({ hasText: 'Critical high' }).waitFor();
    await lab.getByRole('button', { name: 'Verify results' }).click();
    await lab.getByRole('button', { name: 'Release results' }).click();
    await lab
      .getByText(/Released/)
      .first()
      .waitFor();
    await screenshot(lab, 'clinic-day-4-lab-released');

    const alert = doctor.getByRole('alert').filter({ hasText: 'Glucose' });
    await alert.waitFor({ timeout: 10_000 });
    expect(await wasReloaded(doctor)).toBe(false);
    await screenshot(doctor, 'clinic-day-4-critical-alert');
    await alert.getByRole('button', { name: 'Acknowledge' }).click();
    await alert.waitFor({ state: 'detached' });
  });

  it('5. the pharmacist sees the prescription arrive live, dispenses it with the FEFO preview, and the stock drops live', async () => {
    stockBefore = await pharmacyStock();
    const pharmacy = screens.pharmacy!;
    const rx = pharmacy.locator('li[data-prescription]').filter({ hasText: PATIENT.name });
    await rx.waitFor();
    expect(await wasReloaded(pharmacy)).toBe(false);
    await screenshot(pharmacy, 'clinic-day-5-queue-live');

    const stock = await screen('stock', 'pharmacy@clinigraph.local');
    await stock.goto(`${web.baseUrl}/pharmacy/stock`);
    const paracetamolLevel = stock
      .locator('tr[data-stock]', { hasText: 'Paracetamol 500 mg tablets' })
      .filter({ hasText: 'Pharmacy' })
      .locator('td[data-quantity]');
    await stock.locator('[data-state="live"]').waitFor();
    const levelBefore = parseInt((await paracetamolLevel.first().textContent())!, 10);
    await markPage(stock);

    await rx.getByRole('link', { name: /Dispense/ }).click();
    await pharmacy.getByRole('heading', { name: 'Lots to take' }).waitFor();
    await pharmacy
      .getByText(/PCM-2410/)
      .first()
      .waitFor();
    await screenshot(pharmacy, 'clinic-day-5-fefo-preview');
    await pharmacy.getByRole('button', { name: 'Dispense' }).click();
    await pharmacy.getByRole('status').filter({ hasText: 'Dispensed.' }).waitFor();
    await expect.poll(async () => parseInt((await paracetamolLevel.first().textContent())!, 10)).toBe(levelBefore - 12);
    expect(await wasReloaded(stock)).toBe(false);
    await screenshot(stock, 'clinic-day-5-stock-dropped-live');
    await screenshot(pharmacy, 'clinic-day-5-dispensed');
  });

  it('6. billing finds the visit’s charges and issues one invoice with the consultation, both medicines and the lab test', async () => {
    const billing = await screen('billing', 'billing@clinigraph.local');
    await billing.goto(`${web.baseUrl}/billing`);
    await billing.getByLabel('Patient (optional)').fill('Aisha');
    await billing.getByRole('button', { name: /Aisha Khan/ }).click();
    await billing.getByRole('button', { name: 'New draft from uncharged items' }).click();
    await billing.getByRole('heading', { name: /Invoice .* Draft/ }).waitFor();
    invoiceId = billing.url().split('/').pop()!;
    const lines = billing.locator('table tbody tr');
    await expect.poll(() => lines.count()).toBe(4);
    await billing.getByRole('button', { name: 'Issue invoice' }).click();
    await billing.getByRole('heading', { name: /Issued/ }).waitFor();
    await screenshot(billing, 'clinic-day-6-invoice-issued');
  });

  it('7. the patient sees the invoice in the portal, pays part of it and downloads the receipt', async () => {
    const patient = screens.patient!;
    await patient.goto(`${web.baseUrl}/portal/invoices`);
    const pay = patient.getByRole('form', { name: /Pay invoice/ });
    await pay.getByLabel(/Amount/).fill('20.00');
    await pay.getByLabel('Card number').fill('4242 4242 4242 4242');
    await pay.getByLabel('Expiry (MM/YY)').fill('12/40');
    await pay.getByLabel('CVC').fill('123');
    await pay.getByRole('button', { name: /Pay/ }).click();
    await patient.getByRole('status').filter({ hasText: 'Paid with the card ending 4242' }).waitFor();
    const download = patient.waitForEvent('download');
    await patient
      .getByRole('button', { name: /Receipt/ })
      .first()
      .click();
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
    await screenshot(patient, 'clinic-day-7-paid');
  });

  it('8. the records agree: appointment completed, stock down by what was dispensed, balance = total − payment, audited readers', async () => {
    const { appointment } = await ask(admin, APPOINTMENT_STATUS, { id: appointmentId });
    expect(appointment.status).toBe('COMPLETED');
    const stockAfter = await pharmacyStock();
    expect(stockBefore['MED-PARA-500']! - stockAfter['MED-PARA-500']!).toBe(12);
    expect(stockBefore['MED-IBU-400']! - stockAfter['MED-IBU-400']!).toBe(9);
    const billing = await web.stack.as('billing');
    const { invoice } = await ask(billing, INVOICE_TOTALS, { id: invoiceId });
    expect(invoice.paidMinor).toBe(2000);
    expect(invoice.balanceMinor).toBe(invoice.totalMinor - 2000);
    const actors = new Set<string | undefined>();
    let after: string | null = null;
    for (let more = true; more; ) {
      const page: ResultOf<typeof CHART_READERS>['auditEvents'] = (await ask(admin, CHART_READERS, { p: await patientId(), after })).auditEvents;
      for (const e of page.nodes) actors.add(e.actor?.email);
      more = page.pageInfo.hasNextPage;
      after = page.pageInfo.endCursor ?? null;
    }
    for (const who of [DOCTOR, 'lab@clinigraph.local', 'pharmacy@clinigraph.local', 'billing@clinigraph.local', PATIENT.email]) expect(actors).toContain(who);
  });

  it('9. the patient reads her visit, her result, her health summary and her statement, and takes her record away as files', async () => {
    const patient = screens.patient!;
    await patient.goto(`${web.baseUrl}/portal/visits`);
    const visit = patient.locator('li.card').filter({ hasText: 'Acute bronchitis' });
    await visit.waitFor();
    expect(await visit.textContent()).toContain('Paracetamol');
    await screenshot(patient, 'clinic-day-9-past-visit');
    // The critical glucose reached her once the doctor acknowledged it (step 4).
    await patient.goto(`${web.baseUrl}/portal/results`);
    await patient.getByRole('rowheader', { name: 'Glucose, fasting' }).waitFor();
    await patient.goto(`${web.baseUrl}/portal/health`);
    const allergies = patient.getByRole('region', { name: 'Allergies' });
    await allergies.getByText('Ibuprofen').waitFor();
    const record = patient.waitForEvent('download');
    await patient.getByRole('button', { name: 'Download my record (JSON)' }).click();
    expect((await record).suggestedFilename()).toMatch(/^my-record-CG\d+\.json$/);
    await screenshot(patient, 'clinic-day-9-health-summary');
    await patient.goto(`${web.baseUrl}/portal/statement`);
    const statement = patient.waitForEvent('download');
    await patient.getByRole('button', { name: 'Download USD statement (PDF)' }).click();
    expect((await statement).suggestedFilename()).toBe('statement-usd.pdf');
    await screenshot(patient, 'clinic-day-9-statement');
  });

  it('10. the acknowledged result has left the doctor’s results inbox, and her chart opens in a second tab without signing in again', async () => {
    const doctor = screens.doctor!;
    await doctor.goto(`${web.baseUrl}/doctor/results`);
    await doctor.getByRole('button', { name: 'Mark as seen' }).first().waitFor();
    expect(await doctor.locator('li.card').filter({ hasText: PATIENT.name }).count()).toBe(0);
    await screenshot(doctor, 'clinic-day-10-results-inbox');
    const secondTab = await doctor.context().newPage();
    screens['doctor-second-tab'] = secondTab;
    await secondTab.goto(`${web.baseUrl}/doctor/patients/${await patientId()}`);
    await secondTab.getByRole('heading', { name: PATIENT.name }).waitFor();
    expect(secondTab.url()).not.toContain('/sign-in');
    await screenshot(secondTab, 'clinic-day-10-second-tab');
  });
});

/** Units on the pharmacy's shelves by SKU, across lots. */
async function pharmacyStock(): Promise<Record<string, number>> {
  const { stockBalances } = await ask(admin, STOCK, { f: web.stack.seed.facilityId });
  const totals: Record<string, number> = {};
  for (const b of stockBalances.filter((b) => b.location.code === 'PHARM')) totals[b.item.sku] = (totals[b.item.sku] ?? 0) + b.quantity;
  return totals;
}

async function patientId(): Promise<string> {
  return web.stack.seed.patientIds[2]!;
}

async function prescribe(page: Page, medicine: string, dose: string, frequency: string, days: string, quantity: string) {
  await page.getByRole('form', { name: 'Add a medicine' }).getByLabel('Medicine').selectOption({ label: medicine });
  await prescribeRest(page, dose, frequency, days, quantity, 'Start prescription');
}

async function prescribeRest(page: Page, dose: string, frequency: string, days: string, quantity: string, button: string) {
  const form = page.getByRole('form', { name: 'Add a medicine' });
  await form.getByLabel('Dose').fill(dose);
  await form.getByLabel('Frequency').fill(frequency);
  await form.getByLabel('Days').fill(days);
  await form.getByLabel('Quantity').fill(quantity);
  await form.getByRole('button', { name: button }).click();
}
