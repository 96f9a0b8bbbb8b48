import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newScreen, screenshot, screensKeptOnFailure, signIn } from '../support/browser.ts';
import { CLINIC_ZONE } from '../support/clinic.ts';
import { ask, graphql } from '../support/graphql.ts';
import { startWebStack, type WebStack } from '../support/stack.ts';

const OPEN_VISIT = graphql(`
  mutation JourneyOpenVisit($p: ID!, $f: ID!) { openWalkInEncounter(patientId: $p, facilityId: $f) { id } }
`);
const START_CONSULTATION = graphql(`
  mutation JourneyStartConsultation($id: ID!) { startConsultation(id: $id) { id } }
`);
const ORDER_LAB = graphql(`
  mutation JourneyOrderLab($e: ID!, $t: [String!]!) { orderLabTests(encounterId: $e, tests: $t) { id } }
`);
const COLLECT = graphql(`
  mutation JourneyCollect($id: ID!) { collectLabSample(orderId: $id, specimen: "Venous blood") { id } }
`);
const RECEIVE = graphql(`
  mutation JourneyReceive($id: ID!) { receiveLabOrder(id: $id) { id status } }
`);
const CHARGE = graphql(`
  mutation JourneyCharge($i: ChargeInput!) { createCharge(input: $i) { id } }
`);
const DRAFT = graphql(`
  mutation JourneyDraft($i: DraftInvoiceInput!) { createDraftInvoice(input: $i) { id } }
`);
const ISSUE = graphql(`
  mutation JourneyIssue($id: ID!) { issueInvoice(id: $id) { id status } }
`);

/**
 * Wrong values in the forms a clinic uses most, each entered by the person whose form it is: every one ends in a
 * plain sentence next to the field it concerns (or the duplicate-patient warning), never a validator's, GraphQL's or
 * the server's own words, and never a 500.
 */
const RAW =
  /Too (small|big)|expected (string|number|array|int)|Int cannot represent|Variable "\$|Invalid input|ZodError|Unexpected error|Syntax Error|\bnull\b.*\bundefined\b|INTERNAL_SERVER_ERROR|Something went wrong on our side/i;

let web: WebStack;
let browser: Browser;
let encounterId: string;
let labOrderId: string;
let invoiceId: string;
const screens = screensKeptOnFailure('bad-input');
const serverErrors: string[] = [];

async function screen(who: string, email: string): Promise<Page> {
  const { page } = await newScreen(browser);
  page.on('response', (r) => {
    if (r.status() >= 500) serverErrors.push(`${r.status()} ${r.url()}`);
  });
  await signIn(page, web.baseUrl, email);
  screens[who] = page;
  return page;
}

/** The page says nothing raw, and no request answered with a 500. */
async function expectNoRawMessage(page: Page): Promise<void> {
  // biome-ignore lint/performance/useDomNodeTextContent: what the person sees, not the text of hidden nodes.
  expect(await page.locator('body').innerText()).not.toMatch(RAW);
  expect(serverErrors).toEqual([]);
}

/**
 * The control labelled `label` in `form` is marked invalid and the text tied to it (its error, or the browser's own
 * validity message) says `expected`.
 */
async function expectFieldMessage(form: Locator, label: string | RegExp, expected: RegExp): Promise<void> {
  const control = form.getByLabel(label, typeof label === 'string' ? { exact: true } : {});
  await expect.poll(() => control.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
  const ids = (await control.getAttribute('aria-describedby'))?.split(' ') ?? [];
  const described = await Promise.all(ids.map((id) => form.page().locator(`[id="${id}"]`).textContent()));
  expect(described.join(' ')).toMatch(expected);
  expect(described.join(' ')).not.toMatch(RAW);
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: CLINIC_ZONE }).format(new Date());

beforeAll(async () => {
  web = await startWebStack();
  browser = await launchBrowser();
  const { facilityId, patientIds } = web.stack.seed;
  const doctor = await web.stack.as('doctor');
  const lab = await web.stack.as('lab');
  const billing = await web.stack.as('billing');
  encounterId = (await ask(doctor, OPEN_VISIT, { p: patientIds[1]!, f: facilityId })).openWalkInEncounter.id;
  await ask(doctor, START_CONSULTATION, { id: encounterId });
  labOrderId = (await ask(doctor, ORDER_LAB, { e: encounterId, t: ['CRP'] })).orderLabTests.id;
  await ask(lab, COLLECT, { id: labOrderId });
  expect((await ask(lab, RECEIVE, { id: labOrderId })).receiveLabOrder.status).toBe('RECEIVED');
  const { createCharge } = await ask(billing, CHARGE, {
    i: {
      patientId: patientIds[1]!,
      facilityId,
      serviceType: 'PROCEDURE',
      code: 'DRESS',
      description: 'Wound dressing',
      unitPriceMinor: 4500,
      currency: 'USD',
      quantity: 1,
      serviceDate: today(),
    },
  });
  invoiceId = (await ask(billing, DRAFT, { i: { patientId: patientIds[1]!, chargeIds: [createCharge.id] } })).createDraftInvoice.id;
  await ask(billing, ISSUE, { id: invoiceId });
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('bad input in the forms a clinic uses most ends in plain words next to the field', () => {
  it('1. reception: a date of birth in 1800 or in the future, and a patient already registered', async () => {
    const reception = await screen('reception', 'reception@clinigraph.local');
    await reception.goto(`${web.baseUrl}/reception/patients`);
    const form = reception.getByRole('form', { name: 'Register a patient' });
    await form.getByLabel('First name').fill('Maria');
    await form.getByLabel('Last name').fill('Garcia');
    await form.getByLabel('Phone').fill('+1 555 0101');

    await form.getByLabel('Date of birth').fill('1800-01-01');
    await form.getByRole('button', { name: 'Register' }).click();
    await expectFieldMessage(form, 'Date of birth', /within the last 130 years/);
    await expectNoRawMessage(reception);
    await screenshot(reception, 'bad-input-1-birth-1800');

    await form.getByLabel('Date of birth').fill(`${Number(today().slice(0, 4)) + 1}${today().slice(4)}`);
    await form.getByRole('button', { name: 'Register' }).click();
    await expectFieldMessage(form, 'Date of birth', /cannot be in the future/);
    await expectNoRawMessage(reception);

    await form.getByLabel('Date of birth').fill('1985-03-14');
    await form.getByRole('button', { name: 'Register' }).click();
    const warning = form.getByRole('region', { name: 'Possibly the same patient' });
    await warning.getByText(/Maria Garcia · MRN/).waitFor();
    await form
      .getByRole('alert')
      .getByText(/may already be registered/)
      .waitFor();
    await expectNoRawMessage(reception);
    await screenshot(reception, 'bad-input-1-duplicate');
  });

  it('2. lab: a CRP of 999999 mg/L', async () => {
    const lab = await screen('lab', 'lab@clinigraph.local');
    await lab.goto(`${web.baseUrl}/lab/orders/${labOrderId}`);
    const form = lab.getByRole('form', { name: 'Enter C-reactive protein' });
    await form.getByLabel(/C-reactive protein value/).fill('999999');
    await form.getByRole('button', { name: 'Save result' }).click();
    await expectFieldMessage(form, /C-reactive protein value/, /Enter a value between 0 and 500 mg\/L/);
    await expectNoRawMessage(lab);
    await screenshot(lab, 'bad-input-2-crp');
  });

  it('3. billing: a payment of 99,999,999,999 at the desk', async () => {
    const billing = await screen('billing', 'billing@clinigraph.local');
    await billing.goto(`${web.baseUrl}/billing/invoices/${invoiceId}`);
    const form = billing.getByRole('form', { name: 'Record a payment' });
    await form.getByLabel('Amount (USD)').fill('99999999999');
    await form.getByRole('button', { name: 'Record payment' }).click();
    await expectFieldMessage(form, 'Amount (USD)', /One payment can be at most \$21,474,836\.47/);
    await expectNoRawMessage(billing);
    await screenshot(billing, 'bad-input-3-payment');
  });

  it('4. pharmacy: receiving 0 and 10^12 units', async () => {
    const pharmacy = await screen('pharmacy', 'pharmacy@clinigraph.local');
    await pharmacy.goto(`${web.baseUrl}/pharmacy/stock-changes`);
    await pharmacy.getByText('Receive stock without a purchase order').click();
    const form = pharmacy.getByRole('form', { name: 'Receive stock without an order' });
    await form.getByLabel('Item').selectOption({ label: 'Paracetamol 500 mg tablets' });
    await form.getByLabel('Put away at').selectOption({ label: 'Pharmacy' });
    await form.getByLabel('Lot number').fill('BAD-1');
    await form.getByLabel('Expires on').fill(`${Number(today().slice(0, 4)) + 2}-06-30`);
    await form.getByLabel('Delivery note or document').fill('DN-1');
    for (const units of ['0', '1000000000000']) {
      await form.getByLabel('Units received').fill(units);
      await form.getByRole('button', { name: 'Receive' }).click();
      await expectFieldMessage(form, 'Units received', /Enter 1 to 1,000,000 units/);
      expect(await form.locator('[aria-invalid="true"]').count()).toBe(1);
      await expectNoRawMessage(pharmacy);
    }
    await screenshot(pharmacy, 'bad-input-4-receive');
  });

  it('5. doctor: a quantity of 10^9 and a course of 0 days', async () => {
    const doctor = await screen('doctor', 'dr.okafor@clinigraph.local');
    await doctor.goto(`${web.baseUrl}/doctor/encounters/${encounterId}`);
    const form = doctor.getByRole('form', { name: 'Add a medicine' });
    await form.getByLabel('Medicine').selectOption({ label: 'Paracetamol 500 mg tablets' });
    await form.getByLabel('Dose').fill('1 g');
    await form.getByLabel('Frequency').fill('4 times a day');
    await form.getByLabel('Days').fill('0');
    await form.getByLabel('Quantity').fill('1000000000');
    await form.getByRole('button', { name: 'Start prescription' }).click();
    await expectFieldMessage(form, 'Days', /above zero/);
    await expectFieldMessage(form, 'Quantity', /up to 10,000/);
    expect(await form.getByLabel('Quantity').inputValue()).toBe('1000000000');
    await expectNoRawMessage(doctor);
    await screenshot(doctor, 'bad-input-5-prescription');
  });

  it('6. admin: a facility in an unknown time zone, then one with a code already taken', async () => {
    const admin = await screen('admin', 'admin@clinigraph.local');
    await admin.goto(`${web.baseUrl}/admin/facilities`);
    const form = admin.getByRole('form', { name: 'New facility' });
    await form.getByLabel('Code', { exact: true }).fill('RIV');
    await form.getByLabel('Name', { exact: true }).fill('Riverside again');
    await form.getByLabel('Time zone', { exact: true }).fill('Mars/Olympus_Mons');
    await form.getByRole('button', { name: 'Create facility' }).click();
    await expectFieldMessage(form, 'Time zone', /Choose a time zone from the list/);
    await expectNoRawMessage(admin);

    await form.getByLabel('Time zone', { exact: true }).fill('Europe/Berlin');
    await form.getByRole('button', { name: 'Create facility' }).click();
    await expectFieldMessage(form, 'Code', /is already used by another facility/);
    await form.getByRole('alert').getByText('A facility with this code already exists').waitFor();
    await expectNoRawMessage(admin);
    await screenshot(admin, 'bad-input-6-facility');
  });

  it('7. admin: a schedule exception that ends before it starts, in hours and in days', async () => {
    const admin = screens.admin!;
    await admin.goto(`${web.baseUrl}/admin/schedules`);
    const form = admin.getByRole('form', { name: 'New schedule exception' });
    await form.getByLabel('Provider').selectOption({ index: 1 });
    await form.getByLabel('From (HH:MM, optional)').fill('17:00');
    await form.getByLabel('Until (HH:MM)').fill('09:00');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await expectFieldMessage(form, 'From (HH:MM, optional)', /start must come before the end/);
    await expectNoRawMessage(admin);

    await form.getByLabel('From (HH:MM, optional)').fill('');
    await form.getByLabel('Until (HH:MM)').fill('');
    await form.getByLabel('First day').fill(`${Number(today().slice(0, 4)) + 1}-03-10`);
    await form.getByLabel('Last day (optional)').fill(`${Number(today().slice(0, 4)) + 1}-03-02`);
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await expectFieldMessage(form, 'Last day (optional)', /last day cannot be before the first/);
    await expectNoRawMessage(admin);
    await screenshot(admin, 'bad-input-7-exception');
  });

  it('8. patient: a booking on a day beyond the schedule horizon', async () => {
    const patient = await screen('patient', 'maria@example.com');
    await patient.goto(`${web.baseUrl}/portal/book`);
    const form = patient.getByRole('form', { name: 'Book an appointment' });
    const day = form.getByLabel('Day');
    const last = (await day.getAttribute('max'))!;
    expect(last > today()).toBe(true);
    await day.fill('2099-06-01');
    await form.getByRole('button', { name: 'Book', exact: true }).click();
    await expectFieldMessage(form, 'Day', new RegExp(`The clinic books up to .*${last.slice(0, 4)}`));
    await form.getByRole('alert').getByText('Please correct the day marked above.').waitFor();
    await expectNoRawMessage(patient);
    await screenshot(patient, 'bad-input-8-booking-horizon');
  });
});
