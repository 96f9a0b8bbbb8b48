import type { Db, SeedRefs } from '@clinigraph/kit';
import { lookupIcd } from './catalogue/icd10.ts';
import { flagFor, labTest } from './catalogue/lab-tests.ts';
import {
  certificate,
  dentalFinding,
  dentalPlanItem,
  diagnosis,
  encounter,
  facilityLabPolicy,
  labOrder,
  labOrderItem,
  labResult,
  note,
  noteVersion,
  prescription,
  prescriptionItem,
  vitals,
} from './db/schema.ts';

/** A catalogue medicine the demo prescriptions may use (supply owns the catalogue; its seed knows the ids). */
export interface CareSeedMedicine {
  id: string;
  name: string;
  genericName: string;
  strength?: string | null;
  form?: string | null;
}

const SYSTEM_USER = '00000000-0000-4000-8000-000000000000';
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
const dateIn = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Demo clinical records: a sore-throat visit with blood count, a hypertension review with a follow-up,
 * and a dental check with a treatment plan. Idempotent: a database with encounters is left as it is.
 * Pass supply's medicines to add a finalised prescription.
 */
export async function seedCare(db: Db, refs: SeedRefs, options: { medicines?: CareSeedMedicine[] } = {}): Promise<void> {
  const [maria, james, aisha] = refs.patientIds;
  const [gp, dentist] = refs.providerIds;
  if (!maria || !james || !aisha || !gp) return;
  if ((await db.select({ id: encounter.id }).from(encounter).limit(1)).length) return;
  await db.transaction(async (tx) => {
    // The demo clinic has one lab technician, so one person may enter and verify (an admin can require four eyes).
    await tx.insert(facilityLabPolicy).values({ facilityId: refs.facilityId, singlePersonLab: true, updatedBy: SYSTEM_USER });
    const visit = async (patientId: string, providerId: string, ago: number, complaint: string, followUpInDays?: number) => {
      const [row] = await tx
        .insert(encounter)
        .values({
          patientId,
          providerId,
          facilityId: refs.facilityId,
          origin: 'walk_in',
          status: 'closed',
          chiefComplaint: complaint,
          openedAt: daysAgo(ago),
          consultationStartedAt: daysAgo(ago),
          closedAt: daysAgo(ago),
          closedBy: SYSTEM_USER,
          followUpOn: followUpInDays ? dateIn(followUpInDays) : null,
          followUpReason: followUpInDays ? 'Review blood pressure and HbA1c' : null,
          followUpProviderId: followUpInDays ? providerId : null,
        })
        .returning();
      return row!;
    };
    const soap = async (enc: { id: string; patientId: string }, sections: Record<string, string>) => {
      const [n] = await tx.insert(note).values({ encounterId: enc.id, patientId: enc.patientId, template: 'soap', authorId: SYSTEM_USER }).returning();
      await tx.insert(noteVersion).values({ noteId: n!.id, version: 1, sections, editedBy: SYSTEM_USER });
    };
    const diagnose = async (enc: { id: string; patientId: string }, code: string, kind: 'primary' | 'secondary') => {
      const icd = lookupIcd(code)!;
      await tx
        .insert(diagnosis)
        .values({ encounterId: enc.id, patientId: enc.patientId, code: icd.code, description: icd.description, kind, recordedBy: SYSTEM_USER });
    };
    const labs = async (enc: { id: string; patientId: string; providerId: string }, ago: number, values: Record<string, number>) => {
      const at = daysAgo(ago);
      const [order] = await tx
        .insert(labOrder)
        .values({
          encounterId: enc.id,
          patientId: enc.patientId,
          facilityId: refs.facilityId,
          orderingProviderId: enc.providerId,
          orderedBy: SYSTEM_USER,
          status: 'released',
          orderedAt: at,
          collectedAt: at,
          collectedBy: SYSTEM_USER,
          specimen: 'Venous blood',
          receivedAt: at,
          receivedBy: SYSTEM_USER,
          verifiedAt: at,
          verifiedBy: SYSTEM_USER,
          releasedAt: at,
          releasedBy: SYSTEM_USER,
          // Days ago: past any facility's hold for the doctor, so the patient sees them; still unreviewed in the doctor's inbox.
          patientVisibleFrom: at,
        })
        .returning();
      for (const [code, value] of Object.entries(values)) {
        const t = labTest(code)!;
        const ranges = { refLow: t.refLow ?? null, refHigh: t.refHigh ?? null, criticalLow: t.criticalLow ?? null, criticalHigh: t.criticalHigh ?? null };
        const [item] = await tx
          .insert(labOrderItem)
          .values({ orderId: order!.id, testCode: t.code, testName: t.name, unit: t.unit, ...ranges, currentVersion: 1 })
          .returning();
        await tx
          .insert(labResult)
          .values({ orderItemId: item!.id, version: 1, valueNumeric: value, flag: flagFor(value, ranges), enteredBy: SYSTEM_USER, enteredAt: at });
      }
    };

    const sore = await visit(maria, gp, 14, 'Sore throat for three days');
    await tx.insert(vitals).values({
      encounterId: sore.id,
      patientId: maria,
      recordedBy: SYSTEM_USER,
      recordedAt: daysAgo(14),
      systolic: 118,
      diastolic: 76,
      pulse: 84,
      temperatureC: 38.1,
      respiratoryRate: 16,
      spo2: 98,
      weightKg: 64,
      heightCm: 165,
    });
    await soap(sore, {
      subjective: 'Sore throat and fever for three days, no cough.',
      objective: 'Temperature 38.1 °C, tonsils enlarged without exudate, tender anterior cervical nodes.',
      assessment: 'Acute pharyngitis, probably viral.',
      plan: 'Paracetamol, fluids, rest. Return if not better in five days. Note penicillin allergy.',
    });
    await diagnose(sore, 'J02.9', 'primary');
    await labs(sore, 14, { HGB: 13.1, WBC: 9.8, PLT: 262 });
    await tx.insert(certificate).values({
      patientId: maria,
      encounterId: sore.id,
      template: 'sick_leave',
      status: 'approved',
      validFrom: daysAgo(14).toISOString().slice(0, 10),
      validTo: daysAgo(12).toISOString().slice(0, 10),
      patientReason: 'Employer needs a note for three days off',
      requestedBy: SYSTEM_USER,
      requestedAt: daysAgo(14),
      providerId: gp,
      decidedBy: SYSTEM_USER,
      decidedAt: daysAgo(14),
    });
    const paracetamol = options.medicines?.find((m) => m.genericName.toLowerCase() === 'paracetamol');
    if (paracetamol) {
      const [rx] = await tx
        .insert(prescription)
        .values({
          encounterId: sore.id,
          patientId: maria,
          prescriberId: gp,
          facilityId: refs.facilityId,
          status: 'finalised',
          validUntil: dateIn(16),
          finalisedAt: daysAgo(14),
          finalisedBy: SYSTEM_USER,
          createdBy: SYSTEM_USER,
          createdAt: daysAgo(14),
        })
        .returning();
      await tx.insert(prescriptionItem).values({
        prescriptionId: rx!.id,
        itemId: paracetamol.id,
        medicineName: paracetamol.name,
        genericName: 'paracetamol',
        strength: paracetamol.strength ?? null,
        form: paracetamol.form ?? null,
        dose: '1 g',
        route: 'oral',
        frequency: 'every 6 hours as needed, at most 4 g a day',
        durationDays: 5,
        quantity: 20,
        instructions: 'Take with water.',
        refills: 1,
        position: 1,
      });
    }

    const bp = await visit(james, gp, 7, 'Blood pressure review', 90);
    await tx.insert(vitals).values({
      encounterId: bp.id,
      patientId: james,
      recordedBy: SYSTEM_USER,
      recordedAt: daysAgo(7),
      systolic: 148,
      diastolic: 92,
      pulse: 76,
      spo2: 97,
      weightKg: 88.5,
      heightCm: 178,
    });
    await soap(bp, {
      subjective: 'Home readings around 145/90. No chest pain or headache.',
      objective: 'BP 148/92, BMI 27.9. Heart sounds normal.',
      assessment: 'Essential hypertension, not yet controlled. Raised HbA1c: prediabetes.',
      plan: 'Lifestyle advice; recheck in three months with HbA1c.',
    });
    await diagnose(bp, 'I10', 'primary');
    await diagnose(bp, 'R73.03', 'secondary');
    await labs(bp, 7, { GLU: 6.1, HBA1C: 44, CHOL: 5.8 });

    if (dentist) {
      const dental = await visit(aisha, dentist, 3, 'Routine dental check');
      await diagnose(dental, 'K02.52', 'primary');
      await tx.insert(dentalFinding).values([
        {
          encounterId: dental.id,
          patientId: aisha,
          tooth: 36,
          surfaces: ['O'],
          finding: 'caries',
          note: 'Occlusal caries into dentine',
          recordedBy: SYSTEM_USER,
        },
        { encounterId: dental.id, patientId: aisha, tooth: 46, surfaces: ['O', 'D'], finding: 'filling', note: 'Sound composite', recordedBy: SYSTEM_USER },
        { encounterId: dental.id, patientId: aisha, tooth: 18, surfaces: [], finding: 'missing', recordedBy: SYSTEM_USER },
      ]);
      await tx.insert(dentalPlanItem).values([
        { encounterId: dental.id, patientId: aisha, tooth: 36, procedure: 'Composite filling, occlusal', priority: 1, createdBy: SYSTEM_USER },
        { encounterId: dental.id, patientId: aisha, procedure: 'Scale and polish', priority: 2, createdBy: SYSTEM_USER },
      ]);
    }
  });
}
