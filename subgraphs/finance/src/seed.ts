import type { Db, SeedRefs } from '@clinigraph/kit';
import { billingFacility, insurancePolicy, priceListEntry, providerSpecialty } from './db/schema.ts';

/** The demo providers' specialties, in the order the people seed creates them. */
const DEMO_SPECIALTIES = ['General Practice', 'Dentistry'];

/** Demo unit prices of the catalogue's medicines, in minor units, by generic name. */
const MEDICINE_UNIT_PRICES: Record<string, number> = { amoxicillin: 40, paracetamol: 10, ibuprofen: 15 };

/** Supply's demo medicines, which finance prices by item id (the formulary's demo price where it has one). */
export interface FinanceSeedInput {
  medicines: { id: string; name: string; genericName: string; demoUnitPriceMinor?: number | null }[];
}

/**
 * Demo price list and billing settings. Idempotent: a seeded database is left as it is. Medicines are
 * priced per unit by supply's item id, handed over by the demo seed.
 */
export async function seedFinance(db: Db, refs: SeedRefs, { medicines }: FinanceSeedInput = { medicines: [] }): Promise<void> {
  const existing = await db.select({ id: priceListEntry.id }).from(priceListEntry).limit(1);
  if (existing.length) return;
  const facilityId = refs.facilityId;
  const base = { facilityId, currency: 'USD', effectiveFrom: '2026-01-01' };
  await db.transaction(async (tx) => {
    await tx.insert(billingFacility).values({ facilityId, timeZone: 'America/New_York', currency: 'USD', taxNumber: 'US-99-1234567' }).onConflictDoNothing();
    const specialties = refs.providerIds.slice(0, DEMO_SPECIALTIES.length).map((providerId, i) => ({ providerId, specialty: DEMO_SPECIALTIES[i]! }));
    if (specialties.length) await tx.insert(providerSpecialty).values(specialties).onConflictDoNothing();
    await tx.insert(priceListEntry).values([
      { ...base, serviceType: 'consultation', code: 'CONSULT', description: 'Consultation', amountMinor: 4500 },
      {
        ...base,
        serviceType: 'consultation',
        code: 'CONSULT-GP',
        description: 'General practice consultation',
        specialty: 'General Practice',
        amountMinor: 5000,
      },
      { ...base, serviceType: 'consultation', code: 'CONSULT-DENTAL', description: 'Dental check-up', specialty: 'Dentistry', amountMinor: 6500 },
      { ...base, serviceType: 'lab_test', code: 'CBC', description: 'Complete blood count', amountMinor: 2500 },
      { ...base, serviceType: 'lab_test', code: 'LIPID', description: 'Lipid panel', amountMinor: 4000 },
      { ...base, serviceType: 'lab_test', code: 'HBA1C', description: 'HbA1c', amountMinor: 3500 },
      { ...base, serviceType: 'lab_test', code: 'GLU', description: 'Fasting glucose', amountMinor: 1200 },
      { ...base, serviceType: 'procedure', code: 'DRESSING', description: 'Wound dressing', amountMinor: 1500, taxRateBp: 0 },
      { ...base, serviceType: 'procedure', code: 'SUTURE', description: 'Suturing, simple', amountMinor: 8000 },
      { ...base, serviceType: 'procedure', code: 'DENTAL-CLEAN', description: 'Dental cleaning', amountMinor: 9000 },
      { ...base, serviceType: 'other', code: 'CERT', description: 'Medical certificate', amountMinor: 2000, taxRateBp: 1000 },
      ...medicines.flatMap((m) => {
        const unit = MEDICINE_UNIT_PRICES[m.genericName.toLowerCase()] ?? m.demoUnitPriceMinor ?? undefined;
        return unit === undefined
          ? []
          : [{ ...base, serviceType: 'medicine' as const, code: 'MEDICINE', description: m.name, itemId: m.id, amountMinor: unit }];
      }),
    ]);
    const [first] = refs.patientIds;
    if (first) {
      await tx
        .insert(insurancePolicy)
        .values({ patientId: first, payer: 'Acme Health', memberId: 'ACM-100234', coverageBp: 8000, currency: 'USD', validFrom: '2026-01-01' })
        .onConflictDoNothing();
    }
  });
}
