import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const move = (name: string) => `mutation M($id: ID!) { ${name}(id: $id) { id status } }`;
const CHARGES = `query C($p: ID!) { charges(patientId: $p) { nodes { id code unitPriceMinor currency source sourceId status encounterId patient { id displayName } } } }`;

interface ChargeNode {
  id: string;
  code: string;
  unitPriceMinor: number;
  currency: string;
  source: string;
  sourceId: string;
  status: string;
  encounterId: string | null;
  patient: { id: string; displayName: string };
}

describe('from a completed visit to a paid invoice, through the gateway', () => {
  it('completing an appointment in scheduling makes exactly one consultation charge at the effective price, even when replayed', async () => {
    const [appt] = await stack.db.database.query<{ id: string; patient_id: string }>(
      "select id, patient_id from scheduling.appointment where status = 'confirmed' order by starts_at limit 1",
    );
    expect(appt).toBeDefined();
    const reception = await stack.as('receptionist');
    const doctor = await stack.as('doctor');
    const billing = await stack.as('billing');
    await reception.data(move('checkInAppointment'), { id: appt!.id });
    await doctor.data(move('startAppointment'), { id: appt!.id });
    const done = await doctor.data<{ completeAppointment: { status: string } }>(move('completeAppointment'), { id: appt!.id });
    expect(done.completeAppointment.status).toBe('COMPLETED');
    await stack.consumers.drain();

    const charges = async () => (await billing.data<{ charges: { nodes: ChargeNode[] } }>(CHARGES, { p: appt!.patient_id })).charges.nodes;
    const first = await charges();
    // Dr. Okafor bills under General Practice: the seeded CONSULT-GP price, 50.00.
    expect(first).toMatchObject([{ code: 'CONSULT-GP', unitPriceMinor: 5000, currency: 'USD', source: 'APPOINTMENT', sourceId: appt!.id, status: 'PENDING' }]);
    expect(first[0]!.patient.displayName).toBe('Maria Garcia');
    // care opened an encounter at check-in; its encounter.changed event tied the charge to it.
    const [encounter] = await stack.db.database.query<{ id: string }>('select id from care.encounter where appointment_id = $1', [appt!.id]);
    expect(first[0]!.encounterId).toBe(encounter!.id);

    // Replay every event finance has consumed, from the start of the log.
    await stack.db.database.query("update events.consumer_offset set last_id = 0 where consumer like 'finance.%'");
    await stack.consumers.drain();
    expect((await charges()).map((c) => c.id)).toEqual([first[0]!.id]);
    // Completing again is refused by scheduling, so no second source event exists either.
    expect(codeOf(await doctor.request(move('completeAppointment'), { id: appt!.id }))).toBe('INVALID_STATE');
  });

  it('billing invoices the visit’s encounter; the patient sees and pays it, another patient cannot see it', async () => {
    const billing = await stack.as('billing');
    const maria = await stack.as({ email: 'maria@example.com' });
    const james = await stack.as({ email: 'james@example.com' });
    const mariaId = stack.seed.patientIds[0]!;
    const [encounter] = await stack.db.database.query<{ id: string }>('select id from care.encounter where patient_id = $1 and appointment_id is not null', [
      mariaId,
    ]);
    const { createDraftInvoice } = await billing.data<{ createDraftInvoice: { id: string } }>(
      'mutation D($e: ID!) { createDraftInvoice(input: { encounterId: $e }) { id } }',
      { e: encounter!.id },
    );
    await billing.data('mutation I($id: ID!) { issueInvoice(id: $id) { status } }', { id: createDraftInvoice.id });
    const own = await maria.data<{ invoices: { nodes: { id: string; totalMinor: number; patient: { displayName: string } }[] } }>(
      '{ invoices { nodes { id totalMinor patient { displayName } } } }',
    );
    expect(own.invoices.nodes).toEqual([{ id: createDraftInvoice.id, totalMinor: 5000, patient: { displayName: 'Maria Garcia' } }]);
    const paid = await maria.data<{ payInvoice: { status: string; payment: { appliedMinor: number }; invoice: { status: string } } }>(
      'mutation P($id: ID!, $card: CardInput!) { payInvoice(invoiceId: $id, amountMinor: 5000, idempotencyKey: "visit-1-payment", card: $card) { status payment { appliedMinor } invoice { status } } }',
      { id: createDraftInvoice.id, card: { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2040, cvc: '123' } },
    );
    expect(paid.payInvoice).toEqual({ status: 'SUCCEEDED', payment: { appliedMinor: 5000 }, invoice: { status: 'PAID' } });
    expect(codeOf(await james.request('query Q($id: ID!) { invoice(id: $id) { id } }', { id: createDraftInvoice.id }))).toBe('NOT_FOUND');
    const events = await stack.db.database.query<{ topic: string }>(
      "select topic from events.log where topic in ('invoice.changed', 'payment.recorded') and patient_id = $1 order by id",
      [mariaId],
    );
    expect(events.map((e) => e.topic)).toEqual(['invoice.changed', 'invoice.changed', 'payment.recorded', 'invoice.changed']);
  });
});
