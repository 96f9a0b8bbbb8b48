import { randomUUID } from 'node:crypto';
import { Topics } from '@clinigraph/kit';
import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentCompleted, type FinanceTest, PRICE, startFinanceTest } from '../test-support.ts';

let f: FinanceTest;
beforeAll(async () => {
  f = await startFinanceTest();
  const price = (input: Record<string, unknown>) =>
    f.billing.data(PRICE, { input: { facilityId: f.ids.facility, currency: 'USD', description: 'x', effectiveFrom: '2026-01-01', ...input } });
  await f.billing.data(`mutation { setBillingFacility(facilityId: "${f.ids.facility}", timeZone: "America/New_York", currency: "USD") { timeZone } }`);
  await f.billing.data(`mutation S($p: ID!) { setProviderBillingSpecialty(providerId: $p, specialty: "General Practice") { specialty } }`, {
    p: f.ids.otherProvider,
  });
  await price({ serviceType: 'CONSULTATION', code: 'CONSULT', amountMinor: 4000 });
  await price({ serviceType: 'CONSULTATION', code: 'CONSULT-GP', specialty: 'general practice', amountMinor: 5000 });
  await price({ serviceType: 'CONSULTATION', code: 'CONSULT-DR', providerId: f.ids.provider, amountMinor: 7000 });
  // From December the provider's consultation costs more.
  await price({ serviceType: 'CONSULTATION', code: 'CONSULT-DR', providerId: f.ids.provider, amountMinor: 7500, effectiveFrom: '2026-12-01' });
  await price({ serviceType: 'LAB_TEST', code: 'CBC', amountMinor: 2500, taxRateBasisPoints: 500 });
});
afterAll(() => f?.close());

const chargesFor = (sourceId: string) =>
  f.sub.database.query<{
    code: string;
    unit_price_minor: number;
    service_date: string;
    source_line: string;
    quantity: number;
    unpriced: boolean;
    encounter_id: string | null;
  }>(
    'select code, unit_price_minor::int, service_date::text, source_line, quantity, unpriced, encounter_id from finance.charge where source_id = $1 order by source_line',
    [sourceId],
  );

describe('charges from events', () => {
  it('a completed appointment makes exactly one consultation charge at the effective price, even when delivered twice or replayed', async () => {
    const appointmentId = randomUUID();
    const event = appointmentCompleted(f, { appointmentId, startsAt: '2026-11-20T15:00:00Z' });
    await f.emit(event);
    await f.emit(event); // delivered twice
    await f.drain();
    expect(await chargesFor(appointmentId)).toMatchObject([{ code: 'CONSULT-DR', unit_price_minor: 7000, service_date: '2026-11-20', unpriced: false }]);

    // Replay the whole log from the beginning.
    await f.sub.database.query("update events.consumer_offset set last_id = 0 where consumer like 'finance.%'");
    await f.drain();
    expect(await f.count('select count(*) n from finance.charge where source_id = $1', [appointmentId])).toBe(1);
    expect(await f.count("select count(*) n from audit.event where entity_type = 'Charge' and detail->>'sourceId' = $1", [appointmentId])).toBe(1);
  });

  it('prices by provider, else by specialty, else the facility default, on the local service date', async () => {
    const cases = [
      // 2026-12-01 02:00 UTC is still 30 November in New York: the November price applies.
      { providerId: f.ids.provider, startsAt: '2026-12-01T02:00:00Z', code: 'CONSULT-DR', price: 7000, date: '2026-11-30' },
      { providerId: f.ids.provider, startsAt: '2026-12-01T15:00:00Z', code: 'CONSULT-DR', price: 7500, date: '2026-12-01' },
      { providerId: f.ids.otherProvider, startsAt: '2026-11-20T15:00:00Z', code: 'CONSULT-GP', price: 5000, date: '2026-11-20' },
      { providerId: randomUUID(), startsAt: '2026-11-20T15:00:00Z', code: 'CONSULT', price: 4000, date: '2026-11-20' },
    ];
    for (const c of cases) {
      const appointmentId = randomUUID();
      await f.emit(appointmentCompleted(f, { appointmentId, providerId: c.providerId, startsAt: c.startsAt }));
      await f.drain();
      expect(await chargesFor(appointmentId)).toMatchObject([{ code: c.code, unit_price_minor: c.price, service_date: c.date }]);
    }
  });

  it('a released lab order charges each test by code; a test without a price is kept, unpriced, for billing to price', async () => {
    const labOrderId = randomUUID();
    const encounterId = randomUUID();
    const event = {
      topic: Topics.labOrderReleased,
      entityType: 'LabOrder',
      entityId: labOrderId,
      facilityId: f.ids.facility,
      patientId: f.ids.patientA,
      providerId: f.ids.provider,
      payload: {
        tests: [
          { code: 'CBC', name: 'Complete blood count' },
          { code: 'XRAY9', name: 'Unusual test' },
        ],
        encounterId,
      },
    };
    await f.emit(event);
    await f.emit(event);
    await f.drain();
    const rows = await chargesFor(labOrderId);
    expect(rows).toMatchObject([
      { code: 'CBC', unit_price_minor: 2500, unpriced: false, encounter_id: encounterId },
      { code: 'XRAY9', unit_price_minor: 0, unpriced: true },
    ]);
    const [unpriced] = await f.sub.database.query<{ id: string }>("select id from finance.charge where source_id = $1 and source_line = 'XRAY9'", [labOrderId]);
    const priced = await f.billing.data<{ priceCharge: { unitPriceMinor: number; unpriced: boolean } }>(
      'mutation P($id: ID!) { priceCharge(id: $id, unitPriceMinor: 9900) { unitPriceMinor unpriced } }',
      { id: unpriced!.id },
    );
    expect(priced.priceCharge).toEqual({ unitPriceMinor: 9900, unpriced: false });
  });

  it('a dispense charges each line by item, quantity included, once', async () => {
    const itemId = randomUUID();
    await f.billing.data(PRICE, {
      input: {
        facilityId: f.ids.facility,
        serviceType: 'MEDICINE',
        itemId,
        code: 'AMOX',
        description: 'Amoxicillin 500 mg',
        amountMinor: 45,
        currency: 'USD',
        effectiveFrom: '2026-01-01',
      },
    });
    const dispenseId = randomUUID();
    const event = {
      topic: Topics.stockDispensed,
      entityType: 'Dispense',
      entityId: dispenseId,
      facilityId: f.ids.facility,
      patientId: f.ids.patientA,
      payload: { prescriptionId: randomUUID(), lines: [{ itemId, quantity: 21, lotIds: [randomUUID()] }] },
    };
    await f.emit(event);
    await f.emit(event);
    await f.drain();
    expect(await chargesFor(dispenseId)).toMatchObject([{ code: 'AMOX', unit_price_minor: 45, quantity: 21 }]);
  });

  it('an encounter event tags the visit charge with its encounter, whichever arrives first', async () => {
    const appointmentId = randomUUID();
    const encounterId = randomUUID();
    await f.emit(appointmentCompleted(f, { appointmentId, startsAt: '2026-11-21T15:00:00Z' }));
    await f.emit({
      topic: Topics.encounterChanged,
      entityType: 'Encounter',
      entityId: encounterId,
      patientId: f.ids.patientA,
      payload: { appointmentId, status: 'closed' },
    });
    await f.drain();
    expect((await chargesFor(appointmentId))[0]?.encounter_id).toBe(encounterId);
  });

  it('voids a pending charge only with a reason, and a replay cannot bring it back', async () => {
    const appointmentId = randomUUID();
    await f.emit(appointmentCompleted(f, { appointmentId, startsAt: '2026-11-22T15:00:00Z' }));
    await f.drain();
    const [row] = await f.sub.database.query<{ id: string }>('select id from finance.charge where source_id = $1', [appointmentId]);
    const VOID = 'mutation V($id: ID!, $reason: String!) { voidCharge(id: $id, reason: $reason) { status voidReason } }';
    expect(codeOf(await f.billing.request(VOID, { id: row!.id, reason: '' }))).toBe('BAD_USER_INPUT');
    expect((await f.billing.data<{ voidCharge: unknown }>(VOID, { id: row!.id, reason: 'Visit was free follow-up' })).voidCharge).toEqual({
      status: 'VOID',
      voidReason: 'Visit was free follow-up',
    });
    expect(codeOf(await f.billing.request(VOID, { id: row!.id, reason: 'again' }))).toBe('INVALID_STATE');
    await f.emit(appointmentCompleted(f, { appointmentId, startsAt: '2026-11-22T15:00:00Z' }));
    await f.drain();
    expect(await f.count("select count(*) n from finance.charge where source_id = $1 and status = 'void'", [appointmentId])).toBe(1);
    expect(await f.count('select count(*) n from finance.charge where source_id = $1', [appointmentId])).toBe(1);
  });

  it('only billing staff manage prices and charges', async () => {
    const input = {
      facilityId: f.ids.facility,
      serviceType: 'PROCEDURE',
      code: 'P1',
      description: 'x',
      amountMinor: 100,
      currency: 'USD',
      effectiveFrom: '2026-01-01',
    };
    expect(codeOf(await f.doctor.request(PRICE, { input }))).toBe('FORBIDDEN');
    expect(codeOf(await f.patientA.request(PRICE, { input }))).toBe('FORBIDDEN');
    expect(codeOf(await f.anonymous.request(PRICE, { input }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await f.billing.request(PRICE, { input: { ...input, currency: 'XYZ' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await f.billing.request(PRICE, { input: { ...input, amountMinor: -1 } }))).toBe('BAD_USER_INPUT');
    await f.billing.data(PRICE, { input });
    expect(codeOf(await f.billing.request(PRICE, { input }))).toBe('CONFLICT');
    expect(await f.count("select count(*) n from finance.price_list_entry where code = 'P1'")).toBe(1);
  });
});
