import { randomUUID } from 'node:crypto';
import { type StockDispensedPayload, Topics } from '@clinigraph/kit';
import { codeOf, pdfText } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CareFixture, startCareFixture } from '../testing/fixture.ts';

let f: CareFixture;
let encounterId: string;
beforeAll(async () => {
  f = await startCareFixture();
  encounterId = await f.consultation(1);
});
afterAll(() => f?.close());

const CREATE =
  'mutation($e: ID!, $items: [PrescriptionItemInput!]) { createPrescription(encounterId: $e, items: $items) { id items { id itemId: item { id } } } }';
const READ = 'query($id: ID!) { prescription(id: $id) { status items { dispensedQuantity refills refillsUsed genericName } } }';

async function finalised(generic: string, quantity: number, refills = 0): Promise<{ id: string; lineId: string; itemId: string }> {
  const itemId = await f.medicine(generic);
  const { createPrescription } = await f.doctor.data<{ createPrescription: { id: string; items: { id: string }[] } }>(CREATE, {
    e: encounterId,
    items: [{ itemId, dose: '500 mg', route: 'ORAL', frequency: 'three times daily', durationDays: 7, quantity, refills }],
  });
  await f.doctor.data('mutation($id: ID!) { finalisePrescription(id: $id) { status } }', { id: createPrescription.id });
  return { id: createPrescription.id, lineId: createPrescription.items[0]!.id, itemId };
}

const dispense = (dispenseId: string, rx: { id: string; itemId: string; lineId?: string }, quantity: number) => {
  const payload: StockDispensedPayload = { prescriptionId: rx.id, lines: [{ itemId: rx.itemId, prescriptionItemId: rx.lineId ?? null, quantity, lotIds: [] }] };
  return f.emit({
    topic: Topics.stockDispensed,
    entityType: 'Dispense',
    entityId: dispenseId,
    patientId: f.seed.patientIds[1]!,
    facilityId: f.seed.facilityId,
    payload: payload as unknown as Record<string, unknown>,
  });
};

describe('dispensing through supply', () => {
  it('moves a prescription to partly dispensed, then dispensed; a replayed event changes nothing', async () => {
    const rx = await finalised('paracetamol', 20);
    const first = randomUUID();
    await dispense(first, rx, 5);
    await f.consumers.drain();
    let { prescription } = await f.pharmacist.data<{ prescription: any }>(READ, { id: rx.id });
    expect(prescription).toMatchObject({ status: 'PARTLY_DISPENSED', items: [{ dispensedQuantity: 5 }] });

    await dispense(first, rx, 5);
    await dispense(randomUUID(), { ...rx, lineId: undefined }, 15);
    await f.consumers.drain();
    ({ prescription } = await f.pharmacist.data<{ prescription: any }>(READ, { id: rx.id }));
    expect(prescription).toMatchObject({ status: 'DISPENSED', items: [{ dispensedQuantity: 20 }] });

    await f.db.database.exec("update events.consumer_offset set last_id = 0 where consumer = 'care.prescription-dispensed'");
    await f.consumers.drain();
    ({ prescription } = await f.pharmacist.data<{ prescription: any }>(READ, { id: rx.id }));
    expect(prescription.items[0].dispensedQuantity).toBe(20);
    expect(await f.count('care.dispense_record', 'prescription_id = $1', [rx.id])).toBe(2);
  });

  it('lists live prescriptions for the pharmacy', async () => {
    const rx = await finalised('omeprazole', 14);
    const { dispensablePrescriptions } = await f.pharmacist.data<{ dispensablePrescriptions: { id: string }[] }>('{ dispensablePrescriptions { id } }');
    expect(dispensablePrescriptions.map((p) => p.id)).toContain(rx.id);
  });
});

describe('renewal and refill requests', () => {
  const REQUEST = 'mutation($id: ID!, $k: RenewalKind!) { requestPrescriptionRenewal(prescriptionId: $id, kind: $k, note: "Running low") { id status } }';
  const DECIDE =
    'mutation($id: ID!, $ok: Boolean!, $n: String) { decideRenewalRequest(requestId: $id, approve: $ok, note: $n) { status newPrescription { id status items { refills } } } }';

  it('lets the patient ask for a refill, the doctor approve it into a draft, and uses up the refill', async () => {
    const rx = await finalised('metformin', 60, 1);
    const james = await f.patient(1);
    const { requestPrescriptionRenewal: req } = await james.data<{ requestPrescriptionRenewal: { id: string; status: string } }>(REQUEST, {
      id: rx.id,
      k: 'REFILL',
    });
    expect(req.status).toBe('PENDING');
    expect(codeOf(await james.request(REQUEST, { id: rx.id, k: 'RENEWAL' }))).toBe('CONFLICT');

    const { pendingRenewalRequests } = await f.doctor.data<{ pendingRenewalRequests: { id: string }[] }>('{ pendingRenewalRequests { id } }');
    expect(pendingRenewalRequests.map((r) => r.id)).toContain(req.id);
    const { decideRenewalRequest } = await f.doctor.data<{ decideRenewalRequest: any }>(DECIDE, { id: req.id, ok: true });
    expect(decideRenewalRequest).toMatchObject({ status: 'APPROVED', newPrescription: { status: 'DRAFT', items: [{ refills: 0 }] } });
    const { prescription } = await f.doctor.data<{ prescription: any }>(READ, { id: rx.id });
    expect(prescription.items[0].refillsUsed).toBe(1);

    const again = await james.request(REQUEST, { id: rx.id, k: 'REFILL' });
    expect(again.errors[0]!.extensions).toMatchObject({ code: 'INVALID_STATE', rule: 'NO_REFILLS_LEFT' });
  });

  it('needs a reason to decline, and hides another patient’s prescription', async () => {
    const rx = await finalised('amlodipine', 30);
    const { requestPrescriptionRenewal: req } = await (await f.patient(1)).data<{ requestPrescriptionRenewal: { id: string } }>(REQUEST, {
      id: rx.id,
      k: 'RENEWAL',
    });
    expect(codeOf(await f.doctor.request(DECIDE, { id: req.id, ok: false }))).toBe('BAD_USER_INPUT');
    const { decideRenewalRequest } = await f.doctor.data<{ decideRenewalRequest: any }>(DECIDE, { id: req.id, ok: false, n: 'Please book a review first' });
    expect(decideRenewalRequest).toMatchObject({ status: 'DECLINED', newPrescription: null });
    expect(codeOf(await (await f.patient(0)).request(REQUEST, { id: rx.id, k: 'RENEWAL' }))).toBe('NOT_FOUND');
  });
});

describe('printable prescription', () => {
  const PDF = 'query($id: ID!) { prescription(id: $id) { pdf { filename contentType contentBase64 } } }';

  it('renders a PDF for staff and for the patient, not for a draft', async () => {
    const rx = await finalised('lisinopril', 28);
    const { prescription } = await (await f.patient(1)).data<{ prescription: { pdf: { contentType: string; contentBase64: string } } }>(PDF, { id: rx.id });
    expect(prescription.pdf.contentType).toBe('application/pdf');
    const [page] = await pdfText(prescription.pdf.contentBase64);
    // A handout a pharmacy can act on: letterhead, the patient by name, MRN and birth date, the medicine, the signer.
    expect(page).toMatch(/Patient: .+ · MRN \S+ · born \d{1,2} \w{3} \d{4}/);
    expect(page).toContain('lisinopril');
    expect(page).toContain('Valid until');
    expect(page).toContain('Page 1 of 1');
    expect(page).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
    const { createPrescription } = await f.doctor.data<{ createPrescription: { id: string } }>(CREATE, { e: encounterId });
    expect((await f.doctor.request(PDF, { id: createPrescription.id })).errors[0]!.extensions!.rule).toBe('PRESCRIPTION_NOT_PRINTABLE');
  });
});
