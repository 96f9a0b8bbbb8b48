import { randomUUID } from 'node:crypto';
import { Topics } from '@clinigraph/kit';
import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CareFixture, startCareFixture } from '../testing/fixture.ts';

let f: CareFixture;
beforeAll(async () => {
  f = await startCareFixture();
});
afterAll(() => f?.close());

const checkIn = (appointmentId: string, patientId = f.seed.patientIds[1]!) =>
  f.emit({
    topic: Topics.appointmentCheckedIn,
    entityType: 'Appointment',
    entityId: appointmentId,
    patientId,
    providerId: f.seed.providerIds[0]!,
    facilityId: f.seed.facilityId,
    payload: { status: 'checked_in', previousStatus: 'confirmed' },
  });

const CLOSE = 'mutation($id: ID!, $f: FollowUpInput) { closeEncounter(id: $id, followUp: $f) { id status closedAt followUp { recommendedOn reason } } }';

describe('encounters from check-in', () => {
  it('opens exactly one encounter per appointment even when the event is delivered twice', async () => {
    const appointmentId = randomUUID();
    await checkIn(appointmentId);
    await checkIn(appointmentId);
    await f.consumers.drain();
    expect(await f.count('care.encounter', 'appointment_id = $1', [appointmentId])).toBe(1);
    const opened = (await f.events(Topics.encounterChanged)).filter((e) => e.payload.appointmentId === appointmentId);
    expect(opened).toHaveLength(1);
    expect(opened[0]!.payload).toMatchObject({ status: 'open', origin: 'appointment', previousStatus: null });
  });

  it('stays at one encounter per appointment under many concurrent duplicate deliveries and a replay', async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    await Promise.all(ids.flatMap((id) => Array.from({ length: 6 }, () => checkIn(id))));
    await f.consumers.drain();
    await f.db.database.exec("update events.consumer_offset set last_id = 0 where consumer = 'care.open-encounter-on-check-in'");
    await f.consumers.drain();
    for (const id of ids) expect(await f.count('care.encounter', 'appointment_id = $1', [id])).toBe(1);
  });

  it('gives the doctor the checked-in patient in the queue', async () => {
    const appointmentId = randomUUID();
    await checkIn(appointmentId);
    await f.consumers.drain();
    const { encounterQueue } = await f.doctor.data<{ encounterQueue: { appointmentId: string; status: string }[] }>(
      '{ encounterQueue { appointmentId status } }',
    );
    expect(encounterQueue).toContainEqual({ appointmentId, status: 'OPEN' });
  });
});

describe('encounter lifecycle', () => {
  it('goes open → in consultation → closed, gated by named rules', async () => {
    const { openWalkInEncounter: enc } = await f.receptionist.data<{ openWalkInEncounter: { id: string; status: string; origin: string } }>(
      'mutation($p: ID!, $f: ID!, $pr: ID) { openWalkInEncounter(patientId: $p, facilityId: $f, providerId: $pr, chiefComplaint: "Cough") { id status origin } }',
      { p: f.seed.patientIds[0], f: f.seed.facilityId, pr: f.seed.providerIds[0] },
    );
    expect(enc).toMatchObject({ status: 'OPEN', origin: 'WALK_IN' });

    const early = await f.doctor.request(CLOSE, { id: enc.id });
    expect(codeOf(early)).toBe('INVALID_STATE');
    expect(early.errors[0]!.extensions!.violations.map((v: { rule: string }) => v.rule)).toEqual([
      'ENCOUNTER_NOT_IN_CONSULTATION',
      'ENCOUNTER_NEEDS_DIAGNOSIS_OR_NOTE',
    ]);

    await f.doctor.data('mutation($id: ID!) { startConsultation(id: $id) { status } }', { id: enc.id });
    const noContent = await f.doctor.request(CLOSE, { id: enc.id });
    expect(noContent.errors[0]!.extensions!.rule).toBe('ENCOUNTER_NEEDS_DIAGNOSIS_OR_NOTE');

    await f.doctor.data('mutation($e: ID!) { addDiagnosis(encounterId: $e, code: "R05.9", kind: PRIMARY) { id } }', { e: enc.id });
    const line = { itemId: await f.medicine('amoxicillin'), dose: '500 mg', route: 'ORAL', frequency: 'three times daily', durationDays: 5, quantity: 15 };
    await f.doctor.data('mutation($e: ID!, $i: [PrescriptionItemInput!]) { createPrescription(encounterId: $e, items: $i) { id } }', { e: enc.id, i: [line] });
    const draft = await f.doctor.request(CLOSE, { id: enc.id });
    expect(draft.errors[0]!.extensions!.rule).toBe('DRAFT_PRESCRIPTIONS_OPEN');
    expect(await f.count('care.encounter', "id = $1 and status = 'in_consultation'", [enc.id])).toBe(1);

    const { encounter } = await f.doctor.data<{ encounter: { prescriptions: { id: string }[] } }>(
      'query($id: ID!) { encounter(id: $id) { prescriptions { id } } }',
      {
        id: enc.id,
      },
    );
    await f.doctor.data('mutation($id: ID!) { cancelPrescription(id: $id, reason: "Not needed after all") { status } }', {
      id: encounter.prescriptions[0]!.id,
    });

    const { closeEncounter } = await f.doctor.data<{ closeEncounter: { status: string; followUp: { recommendedOn: string; reason: string } } }>(CLOSE, {
      id: enc.id,
      f: { inDays: 14, reason: 'Recheck cough' },
    });
    expect(closeEncounter.status).toBe('CLOSED');
    expect(closeEncounter.followUp.reason).toBe('Recheck cough');
    const closed = (await f.events(Topics.encounterChanged)).filter((e) => e.entity_id === enc.id).at(-1)!;
    expect(closed.payload).toMatchObject({
      status: 'closed',
      previousStatus: 'in_consultation',
      followUp: { reason: 'Recheck cough', recommendedOn: closeEncounter.followUp.recommendedOn },
    });

    const after = await f.doctor.request('mutation($e: ID!) { addDiagnosis(encounterId: $e, code: "J20.9") { id } }', { e: enc.id });
    expect(after.errors[0]!.extensions).toMatchObject({ code: 'INVALID_STATE', rule: 'ENCOUNTER_CLOSED' });
  });

  it('discards an empty draft prescription when the visit closes, instead of refusing to close', async () => {
    const enc = await f.consultation(2);
    await f.doctor.data('mutation($e: ID!) { addDiagnosis(encounterId: $e, code: "R05.9") { id } }', { e: enc });
    const { createPrescription: empty } = await f.doctor.data<{ createPrescription: { id: string } }>(
      'mutation($e: ID!) { createPrescription(encounterId: $e) { id } }',
      { e: enc },
    );
    const { closeEncounter } = await f.doctor.data<{ closeEncounter: { status: string } }>(CLOSE, { id: enc });
    expect(closeEncounter.status).toBe('CLOSED');
    expect(await f.count('care.prescription', "id = $1 and status = 'cancelled' and cancel_reason is not null", [empty.id])).toBe(1);
    expect(await f.count('audit.event', "entity_id = $1 and action = 'update'", [empty.id])).toBe(1);
  });

  it('makes the first diagnosis primary and the next ones secondary when the doctor names no kind', async () => {
    const enc = await f.consultation(2);
    const add = (code: string) =>
      f.doctor.data<{ addDiagnosis: { kind: string } }>('mutation($e: ID!, $c: String!) { addDiagnosis(encounterId: $e, code: $c) { kind } }', {
        e: enc,
        c: code,
      });
    expect((await add('R05.9')).addDiagnosis.kind).toBe('PRIMARY');
    expect((await add('J20.9')).addDiagnosis.kind).toBe('SECONDARY');
    const second = await f.doctor.request('mutation($e: ID!) { addDiagnosis(encounterId: $e, code: "I10", kind: PRIMARY) { id } }', { e: enc });
    expect(codeOf(second)).toBe('CONFLICT');
  });

  it('lets only clinicians and reception open walk-ins, and only doctors run the consultation', async () => {
    const pharmacist = await f.pharmacist.request('mutation($p: ID!, $f: ID!) { openWalkInEncounter(patientId: $p, facilityId: $f) { id } }', {
      p: f.seed.patientIds[0],
      f: f.seed.facilityId,
    });
    expect(codeOf(pharmacist)).toBe('FORBIDDEN');
    const id = await f.consultation(0);
    const nurseClose = await f.nurse.request(CLOSE, { id });
    expect(codeOf(nurseClose)).toBe('FORBIDDEN');
  });
});
