import type { GqlClient } from '@clinigraph/kit/testing';
import type { TestStack } from './stack.ts';

/**
 * Small clinical steps through the gateway, as the demo clinic's staff would take them: a walk-in
 * consultation, a prescription for it, the pharmacy to dispense from. Shared by the scenarios that
 * prescribe and dispense.
 */

/** A catalogue MEDICINE of the demo clinic, by generic name. */
export async function medicineId(staff: GqlClient, genericName: string): Promise<string> {
  const { items } = await staff.data<{ items: { id: string; genericName: string | null }[] }>('{ items(kind: MEDICINE) { id genericName } }');
  const found = items.find((i) => i.genericName === genericName);
  if (!found) throw new Error(`no demo medicine ${genericName}`);
  return found.id;
}

/** A walk-in encounter for the patient at the demo facility, already in consultation; its id. */
export async function openConsultation(stack: TestStack, doctor: GqlClient, patientId: string): Promise<string> {
  const { openWalkInEncounter } = await doctor.data<{ openWalkInEncounter: { id: string } }>(
    'mutation($p: ID!, $f: ID!) { openWalkInEncounter(patientId: $p, facilityId: $f) { id } }',
    { p: patientId, f: stack.seed.facilityId },
  );
  await doctor.data('mutation($id: ID!) { startConsultation(id: $id) { id } }', { id: openWalkInEncounter.id });
  return openWalkInEncounter.id;
}

export interface PrescribedLine {
  itemId: string;
  quantity: number;
}

export interface Prescribed {
  id: string;
  encounterId: string;
  /** Care's prescription line ids, in the order prescribed. */
  lineIds: string[];
}

const PRESCRIBE = 'mutation($e: ID!, $i: [PrescriptionItemInput!]) { createPrescription(encounterId: $e, items: $i) { id items { id } } }';
const FINALISE = 'mutation($id: ID!) { finalisePrescription(id: $id) { id status } }';

/** A prescription of these lines on a new consultation: a draft, or finalised (the default). */
export async function prescribe(
  stack: TestStack,
  doctor: GqlClient,
  patientId: string,
  lines: PrescribedLine[],
  { finalise = true }: { finalise?: boolean } = {},
): Promise<Prescribed> {
  const encounterId = await openConsultation(stack, doctor, patientId);
  const { createPrescription } = await doctor.data<{ createPrescription: { id: string; items: { id: string }[] } }>(PRESCRIBE, {
    e: encounterId,
    i: lines.map((l) => ({ itemId: l.itemId, dose: '1 tablet', route: 'ORAL', frequency: 'twice daily', durationDays: 5, quantity: l.quantity })),
  });
  if (finalise) await doctor.data(FINALISE, { id: createPrescription.id });
  return { id: createPrescription.id, encounterId, lineIds: createPrescription.items.map((i) => i.id) };
}

/** The demo facility's pharmacy location. */
export async function pharmacyLocation(stack: TestStack, staff: GqlClient): Promise<string> {
  const { locations } = await staff.data<{ locations: { id: string; kind: string }[] }>('query($f: ID!) { locations(facilityId: $f) { id kind } }', {
    f: stack.seed.facilityId,
  });
  const pharmacy = locations.find((l) => l.kind === 'PHARMACY');
  if (!pharmacy) throw new Error('the demo facility has no pharmacy');
  return pharmacy.id;
}
