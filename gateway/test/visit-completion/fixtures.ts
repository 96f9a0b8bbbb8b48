import type { GqlClient } from '@clinigraph/kit/testing';
import type { TestStack } from '../../src/testing/stack.ts';

export { countRows } from '../scheduling-booking/fixtures.ts';

/** The clinic's people for one test file, signed in through the gateway. */
export interface Staff {
  reception: GqlClient;
  doctor: GqlClient;
  billing: GqlClient;
}

export const signIn = async (stack: TestStack): Promise<Staff> => ({
  reception: await stack.as('receptionist'),
  doctor: await stack.as('doctor'),
  billing: await stack.as('billing'),
});

export interface ChargeNode {
  id: string;
  code: string;
  description: string;
  unitPriceMinor: number;
  currency: string;
  source: string;
  sourceId: string;
  status: string;
  encounterId: string | null;
}

const CHARGES = `query C($p: ID!) { charges(patientId: $p) { nodes { id code description unitPriceMinor currency source sourceId status encounterId } } }`;
const BOOK = `mutation B($input: BookAppointmentInput!) { bookAppointment(input: $input) { id status } }`;
const APPOINTMENT = `query A($id: ID!) { appointment(id: $id) { status history { action fromStatus toStatus reason actorId } } }`;
const ENCOUNTERS = `query E($p: ID!) { patient(id: $p) { encounters { id appointmentId origin status } } }`;

/** Calls one of the appointment state moves (startAppointment, markNoShow…) and returns the raw result. */
export const move = (client: GqlClient, field: string, id: string) =>
  client.request<Record<string, { status: string }>>(`mutation M($id: ID!) { ${field}(id: $id) { status } }`, { id });

/** The patient's charges as billing sees them. */
export const chargesOf = async (billing: GqlClient, patientId: string): Promise<ChargeNode[]> =>
  (await billing.data<{ charges: { nodes: ChargeNode[] } }>(CHARGES, { p: patientId })).charges.nodes;

interface HistoryEntry {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  reason: string | null;
  actorId: string | null;
}

export const appointmentOf = async (client: GqlClient, id: string) =>
  (await client.data<{ appointment: { status: string; history: HistoryEntry[] } }>(APPOINTMENT, { id })).appointment;

let booked = 0;

/**
 * Books the seeded GP (Dr. Okafor, who bills CONSULT-GP) for a seeded patient within check-in range:
 * by default three hours ahead and later (clear of the two seeded appointments), each booking of the
 * file at its own time so neither the patient nor the provider overlaps.
 */
export async function bookSoon(
  stack: TestStack,
  reception: GqlClient,
  patientId: string,
  startsInMs = 3 * 3_600_000 + booked++ * 25 * 60_000,
  reason: string | null = null,
): Promise<string> {
  const { bookAppointment } = await reception.data<{ bookAppointment: { id: string } }>(BOOK, {
    input: {
      patientId,
      providerId: stack.seed.providerIds[0],
      facilityId: stack.seed.facilityId,
      typeId: await consultationType(reception),
      startsAt: new Date(Date.now() + startsInMs).toISOString(),
      allowOutsideSchedule: true,
      reason,
    },
  });
  return bookAppointment.id;
}

async function consultationType(client: GqlClient): Promise<string> {
  const { appointmentTypes } = await client.data<{ appointmentTypes: { id: string; code: string }[] }>('{ appointmentTypes { id code } }');
  return appointmentTypes.find((t) => t.code === 'CONSULT')!.id;
}

/** Checks the appointment in and returns the encounter care opened for it. */
export async function checkIn(stack: TestStack, staff: Staff, patientId: string, appointmentId: string): Promise<string> {
  await move(staff.reception, 'checkInAppointment', appointmentId);
  await stack.consumers.drain();
  const { patient } = await staff.doctor.data<{ patient: { encounters: { id: string; appointmentId: string | null }[] } }>(ENCOUNTERS, { p: patientId });
  return patient.encounters.find((e) => e.appointmentId === appointmentId)!.id;
}

/** A walk-in encounter the doctor opens for a patient at the seeded facility. */
export async function openWalkIn(stack: TestStack, doctor: GqlClient, patientId: string): Promise<string> {
  const { openWalkInEncounter } = await doctor.data<{ openWalkInEncounter: { id: string } }>(
    'mutation W($p: ID!, $f: ID!) { openWalkInEncounter(patientId: $p, facilityId: $f, chiefComplaint: "Sore throat") { id } }',
    { p: patientId, f: stack.seed.facilityId },
  );
  return openWalkInEncounter.id;
}

/** The doctor starts the consultation, records a diagnosis and closes the encounter; consumers then catch up. */
export async function consultAndClose(stack: TestStack, doctor: GqlClient, encounterId: string): Promise<void> {
  await startConsultation(stack, doctor, encounterId);
  await diagnoseAndClose(stack, doctor, encounterId);
}

/** The doctor records the diagnosis a closing needs and closes the encounter; consumers have run once this returns. */
export async function diagnoseAndClose(stack: TestStack, doctor: GqlClient, encounterId: string): Promise<void> {
  await doctor.data('mutation D($e: ID!) { addDiagnosis(encounterId: $e, code: "R05.9", kind: PRIMARY) { id } }', { e: encounterId });
  await doctor.data('mutation C($id: ID!) { closeEncounter(id: $id) { status } }', { id: encounterId });
  await stack.consumers.drain();
}

/** The doctor starts the consultation in care; scheduling has followed once this returns. */
export async function startConsultation(stack: TestStack, doctor: GqlClient, encounterId: string): Promise<void> {
  await doctor.data('mutation S($id: ID!) { startConsultation(id: $id) { id } }', { id: encounterId });
  await stack.consumers.drain();
}

/** Rewinds consumers (by name prefix) to the start of the event log, so they meet every event again. */
export async function replay(stack: TestStack, ...prefixes: string[]): Promise<void> {
  for (const prefix of prefixes) await stack.db.database.query('update events.consumer_offset set last_id = 0 where consumer like $1', [`${prefix}%`]);
  await stack.consumers.drain();
}
