import { pdfText } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const move = (name: string) => `mutation M($id: ID!) { ${name}(id: $id) { id status } }`;
const DOCUMENTS = `query Q($id: ID!) { invoice(id: $id) { number pdfBase64 payments { number receiptPdfBase64 } } }`;

/** A completed visit of Maria Garcia with Dr. Okafor, invoiced, and paid in part at the desk. */
async function paidVisit() {
  const [appt] = await stack.db.database.query<{ id: string; patient_id: string }>(
    "select a.id, a.patient_id from scheduling.appointment a where a.status = 'confirmed' and a.patient_id = $1 order by a.starts_at limit 1",
    [stack.seed.patientIds[0]],
  );
  const reception = await stack.as('receptionist');
  const doctor = await stack.as('doctor');
  const billing = await stack.as('billing');
  await reception.data(move('checkInAppointment'), { id: appt!.id });
  await doctor.data(move('startAppointment'), { id: appt!.id });
  await doctor.data(move('completeAppointment'), { id: appt!.id });
  await stack.consumers.drain();
  const [encounter] = await stack.db.database.query<{ id: string }>('select id from care.encounter where appointment_id = $1', [appt!.id]);
  const { createDraftInvoice } = await billing.data<{ createDraftInvoice: { id: string } }>(
    'mutation D($e: ID!) { createDraftInvoice(input: { encounterId: $e }) { id } }',
    { e: encounter!.id },
  );
  await billing.data('mutation I($id: ID!) { issueInvoice(id: $id) { status } }', { id: createDraftInvoice.id });
  await billing.data('mutation P($i: ID!) { recordPayment(input: { invoiceId: $i, method: CASH, amountMinor: 2000, currency: "USD" }) { id } }', {
    i: createDraftInvoice.id,
  });
  return createDraftInvoice.id;
}

describe('invoices and receipts are handouts a patient can take away', () => {
  it('name the patient, MRN and date of birth, the facility with its address and tax number, each line’s date and provider, in local time', async () => {
    const invoiceId = await paidVisit();
    const maria = await stack.as({ email: 'maria@example.com' });
    const { invoice } = await maria.data<{ invoice: { number: string; pdfBase64: string; payments: { number: string; receiptPdfBase64: string }[] } }>(
      DOCUMENTS,
      { id: invoiceId },
    );
    const [patient] = await stack.db.database.query<{ mrn: string }>('select mrn from people.patient where id = $1', [stack.seed.patientIds[0]]);
    const [page] = await pdfText(invoice.pdfBase64);
    expect(page).toContain(`Invoice ${invoice.number}`);
    expect(page).toContain(`Patient: Maria Garcia · MRN ${patient!.mrn} · born`);
    expect(page).toContain('Riverside Clinic');
    expect(page).toContain('Tax no. US-99-1234567');
    expect(page).toContain('Dr. Amara Okafor');
    expect(page).toMatch(/E[SD]T/);
    expect(page).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
    expect(page).not.toContain(' UTC');

    const [receipt] = await pdfText(invoice.payments[0]!.receiptPdfBase64);
    expect(receipt).toContain(`Receipt ${invoice.payments[0]!.number}`);
    expect(receipt).toContain('Patient: Maria Garcia');
    expect(receipt).toContain('Tax no. US-99-1234567');
    expect(receipt).toContain('Cash');
    expect(receipt).toMatch(/E[SD]T/);
    expect(receipt).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
  });

  it('a statement of account lists every entry with its running balance, as a handout with the patient and facility', async () => {
    const maria = await stack.as({ email: 'maria@example.com' });
    const { patientStatement } = await maria.data<{ patientStatement: { closingBalanceMinor: number; pdfBase64: string }[] }>(
      '{ patientStatement { closingBalanceMinor pdfBase64 } }',
    );
    const [page] = await pdfText(patientStatement[0]!.pdfBase64);
    expect(page).toContain('Statement of account (USD)');
    expect(page).toContain('Patient: Maria Garcia');
    expect(page).toContain('Riverside Clinic');
    expect(page).toContain('Tax no. US-99-1234567');
    expect(page).toMatch(/Invoice\s+INV-\d+/);
    expect(page).toMatch(/Payment\s+RCPT-\d+/);
    expect(page).toContain('Closing balance');
    expect(page).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
  });

  it('are refused to another patient, and each download is audited once', async () => {
    const [invoiceId] = (await stack.db.database.query<{ id: string }>("select id from finance.invoice where status <> 'draft' limit 1")).map((r) => r.id);
    const james = await stack.as({ email: 'james@example.com' });
    const refused = await james.request(DOCUMENTS, { id: invoiceId });
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const before = await stack.db.database.query<{ n: number }>(
      "select count(*)::int n from audit.event where action = 'export' and entity_type = 'Invoice' and entity_id = $1",
      [invoiceId],
    );
    const billing = await stack.as('billing');
    await billing.data(DOCUMENTS, { id: invoiceId });
    const after = await stack.db.database.query<{ n: number }>(
      "select count(*)::int n from audit.event where action = 'export' and entity_type = 'Invoice' and entity_id = $1",
      [invoiceId],
    );
    expect(after[0]!.n - before[0]!.n).toBe(1);
  });
});

describe('exports name people', () => {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

  it('revenue by provider is labelled with the provider’s name, outstanding balances with the patient’s name and MRN', async () => {
    const billing = await stack.as('billing');
    const { revenueReport } = await billing.data<{ revenueReport: { csv: string } }>(
      'query R($from: Date!, $to: Date!) { revenueReport(groupBy: PROVIDER, from: $from, to: $to) { csv } }',
      { from: day(-2), to: day(2) },
    );
    const revenue = revenueReport.csv.split('\n');
    expect(revenue[0]).toBe('group_by,key,label,currency,invoices,net,tax,total');
    expect(revenue.find((line) => line.startsWith('provider,'))).toContain(',Dr. Amara Okafor,USD,');

    const { outstandingReport } = await billing.data<{ outstandingReport: { csv: string } }>('{ outstandingReport { csv } }');
    const [patient] = await stack.db.database.query<{ mrn: string }>('select mrn from people.patient where id = $1', [stack.seed.patientIds[0]]);
    expect(outstandingReport.csv).toContain(`Maria Garcia,${patient!.mrn},${stack.seed.patientIds[0]},USD,`);
  });
});
