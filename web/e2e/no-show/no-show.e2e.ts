import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Slot, slotValue } from '../support/api.ts';
import { launchBrowser, newScreen, PHONE, screenshot, screensKeptOnFailure, signIn } from '../support/browser.ts';
import { slotNow } from '../support/clinic.ts';
import { ask, graphql } from '../support/graphql.ts';
import { startWebStack, type WebStack } from '../support/stack.ts';

const CHARGES = graphql(`
  query NoShowCharges($p: ID!) { charges(patientId: $p, first: 50) { nodes { sourceId } } }
`);

let web: WebStack;
let browser: Browser;
const screens = screensKeptOnFailure('no-show');
let slot: Slot;

beforeAll(async () => {
  web = await startWebStack();
  browser = await launchBrowser();
  slot = await slotNow(web.stack, await web.stack.as('admin'), web.stack.seed.providerIds[0]!);
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('journey: a no-show', () => {
  it('a patient books, does not come, reception marks the no-show, and the patient sees it as missed with no charge', async () => {
    const patient = (await newScreen(browser, PHONE)).page;
    screens.patient = patient;
    await signIn(patient, web.baseUrl, 'maria@example.com');
    await patient.goto(`${web.baseUrl}/portal/book`);
    await patient.getByLabel('Day').fill(slot.localDate);
    await patient.locator(`input[name="slot"][value="${slotValue(slot)}"]`).check();
    await patient.getByRole('button', { name: 'Book', exact: true }).click();
    await patient.getByRole('status').filter({ hasText: 'Booked:' }).waitFor();

    // The clock moves on: the booked time passes without the patient. (The API refuses a no-show before the start.)
    const [booked] = await web.stack.db.database.query<{ id: string }>(
      `UPDATE scheduling.appointment SET starts_at = starts_at - interval '3 hours', ends_at = ends_at - interval '3 hours'
        WHERE starts_at = $1 RETURNING id`,
      [slot.startsAt],
    );
    expect(booked).toBeDefined();

    const reception = (await newScreen(browser)).page;
    screens.reception = reception;
    await signIn(reception, web.baseUrl, 'reception@clinigraph.local');
    await reception.goto(`${web.baseUrl}/reception/appointments/${booked!.id}`);
    await reception.getByRole('button', { name: 'Mark no-show' }).click();
    await reception.getByRole('button', { name: 'Confirm no-show' }).click();
    await reception.getByText('No show').first().waitFor();
    await screenshot(reception, 'no-show-1-marked');

    await patient.goto(`${web.baseUrl}/portal`);
    await patient.getByRole('list', { name: 'Past appointments' }).getByText('No show').waitFor();
    await screenshot(patient, 'no-show-2-patient-sees');

    const billing = await web.stack.as('billing');
    await web.stack.consumers.drain();
    const { charges } = await ask(billing, CHARGES, { p: web.stack.seed.patientIds[0]! });
    expect(charges.nodes.filter((c) => c.sourceId === booked!.id)).toHaveLength(0);
  });
});
