import { codeOf, type GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { medicineId, openConsultation, pharmacyLocation } from '../../src/testing/clinic.ts';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

/**
 * A visit across subgraphs through the gateway: scheduling's check-in opens care's encounter; the
 * doctor prescribes from supply's catalogue with the allergy check reading people; supply dispenses
 * and care's prescription follows.
 */
let stack: TestStack;
let doctor: GqlClient;
let pharmacist: GqlClient;
beforeAll(async () => {
  stack = await startTestStack();
  doctor = await stack.as('doctor');
  pharmacist = await stack.as('pharmacist');
});
afterAll(() => stack?.stop());

const ENCOUNTERS = 'query($p: ID!) { patient(id: $p) { displayName encounters { id appointmentId status provider { displayName } } } }';
const PRESCRIBE =
  'mutation($e: ID!, $i: [PrescriptionItemInput!]) { createPrescription(encounterId: $e, items: $i) { id items { id item { id name } genericName } } }';
const FINALISE = 'mutation($id: ID!) { finalisePrescription(id: $id) { id status } }';

const medicine = (generic: string) => medicineId(doctor, generic);
const consultation = (patientId: string) => openConsultation(stack, doctor, patientId);

describe('check-in through scheduling', () => {
  it('opens exactly one encounter, even when the event is delivered again', async () => {
    const [appt] = await stack.db.database.query<{ id: string; patient_id: string }>(
      "select id, patient_id from scheduling.appointment where status = 'confirmed' order by starts_at limit 1",
    );
    const reception = await stack.as('receptionist');
    await reception.data('mutation($id: ID!) { checkInAppointment(id: $id) { status } }', { id: appt!.id });
    await stack.consumers.drain();
    await stack.db.database.query("update events.consumer_offset set last_id = 0 where consumer = 'care.open-encounter-on-check-in'");
    await stack.consumers.drain();

    const { patient } = await doctor.data<{ patient: { encounters: { appointmentId: string; status: string; provider: { displayName: string } }[] } }>(
      ENCOUNTERS,
      {
        p: appt!.patient_id,
      },
    );
    const fromAppointment = patient.encounters.filter((e) => e.appointmentId === appt!.id);
    expect(fromAppointment).toEqual([expect.objectContaining({ status: 'OPEN', provider: { displayName: 'Dr. Amara Okafor' } })]);
    expect(codeOf(await reception.request('mutation($id: ID!) { checkInAppointment(id: $id) { status } }', { id: appt!.id }))).toBe('INVALID_STATE');
  });
});

describe('prescribing and dispensing', () => {
  it('blocks amoxicillin for Maria, whose profile in people records a severe penicillin allergy', async () => {
    const maria = stack.seed.patientIds[0]!;
    const encounterId = await consultation(maria);
    const { createPrescription } = await doctor.data<{ createPrescription: { id: string } }>(PRESCRIBE, {
      e: encounterId,
      i: [{ itemId: await medicine('amoxicillin'), dose: '500 mg', route: 'ORAL', frequency: 'three times daily', durationDays: 7, quantity: 21 }],
    });
    const result = await doctor.request(FINALISE, { id: createPrescription.id });
    expect(result.errors[0]!.extensions).toMatchObject({ code: 'INVALID_STATE', rule: 'PRESCRIPTION_SAFETY_BLOCK', serviceName: 'care' });
  });

  it('moves a prescription to partly dispensed and then dispensed as supply dispenses it', async () => {
    const james = stack.seed.patientIds[1]!;
    const encounterId = await consultation(james);
    const paracetamol = await medicine('paracetamol');
    const { createPrescription: rx } = await doctor.data<{ createPrescription: { id: string; items: { id: string; item: { name: string } }[] } }>(PRESCRIBE, {
      e: encounterId,
      i: [{ itemId: paracetamol, dose: '1 g', route: 'ORAL', frequency: 'every 6 hours as needed', durationDays: 3, quantity: 10 }],
    });
    expect(rx.items[0]!.item.name).toMatch(/Paracetamol/);
    await doctor.data(FINALISE, { id: rx.id });
    const pharmacy = await pharmacyLocation(stack, pharmacist);
    const DISPENSE = 'mutation($i: DispensePrescriptionInput!) { dispensePrescription(input: $i) { operationId } }';
    const STATUS = 'query($id: ID!) { prescription(id: $id) { status items { dispensedQuantity } } }';
    const give = (quantity: number) =>
      pharmacist.data(DISPENSE, {
        i: { prescriptionId: rx.id, locationId: pharmacy, lines: [{ itemId: paracetamol, quantity, prescriptionItemId: rx.items[0]!.id }] },
      });

    await give(4);
    await stack.consumers.drain();
    expect((await pharmacist.data<{ prescription: any }>(STATUS, { id: rx.id })).prescription).toEqual({
      status: 'PARTLY_DISPENSED',
      items: [{ dispensedQuantity: 4 }],
    });
    await give(6);
    await stack.consumers.drain();
    expect((await pharmacist.data<{ prescription: any }>(STATUS, { id: rx.id })).prescription).toEqual({
      status: 'DISPENSED',
      items: [{ dispensedQuantity: 10 }],
    });

    const own = await (await stack.as({ email: 'james@example.com' })).data<{ patient: { prescriptions: { id: string; status: string }[] } }>(
      'query($p: ID!) { patient(id: $p) { prescriptions { id status } } }',
      { p: james },
    );
    expect(own.patient.prescriptions).toContainEqual({ id: rx.id, status: 'DISPENSED' });
  });
});
