import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const move = (name: string) => `mutation M($id: ID!) { ${name}(id: $id) { id status } }`;
const CHART = 'query Chart($id: ID!) { patient(id: $id) { id encounters { id } appointments { id } invoices { nodes { id } } } }';
const MERGE =
  'mutation Merge($keepId: ID!, $mergeId: ID!, $reason: String!) { mergePatients(keepId: $keepId, mergeId: $mergeId, reason: $reason) { account } }';
const CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2040, cvc: '123' };

interface Chart {
  id: string;
  encounters: { id: string }[];
  appointments: { id: string }[];
  invoices: { nodes: { id: string }[] };
}
const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
const query = <T>(sqlText: string, params: unknown[] = []) => stack.db.database.query<T>(sqlText, params);

/** Every row of the four consuming subgraphs that names a patient, per table: [table, patient id, count]. */
async function patientRows(): Promise<string[]> {
  const columns = await query<{ s: string; t: string }>(
    `select c.table_schema as s, c.table_name as t from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
     where c.column_name = 'patient_id' and t.table_type = 'BASE TABLE' and c.table_schema in ('care', 'scheduling', 'supply', 'finance') order by 1, 2`,
  );
  const out: string[] = [];
  for (const { s, t } of columns) {
    const rows = await query<{ p: string | null; n: number }>(`select patient_id::text as p, count(*)::int as n from "${s}"."${t}" group by 1 order by 1`);
    out.push(...rows.map((r) => `${s}.${t} ${r.p} ${r.n}`));
  }
  return out;
}

/** Maria's visit, carried to a paid (so locked) invoice: an encounter, a completed appointment and an invoice in three subgraphs. */
async function mariaVisitPaid(mariaId: string): Promise<void> {
  const [appt] = await query<{ id: string }>(
    "select id from scheduling.appointment where patient_id = $1 and status = 'confirmed' order by starts_at limit 1",
    [mariaId],
  );
  const reception = await stack.as('receptionist');
  const doctor = await stack.as('doctor');
  await reception.data(move('checkInAppointment'), { id: appt!.id });
  await doctor.data(move('startAppointment'), { id: appt!.id });
  await doctor.data(move('completeAppointment'), { id: appt!.id });
  await stack.consumers.drain();
  const [encounter] = await query<{ id: string }>('select id from care.encounter where appointment_id = $1', [appt!.id]);
  const billing = await stack.as('billing');
  const { createDraftInvoice } = await billing.data<{ createDraftInvoice: { id: string } }>(
    'mutation D($e: ID!) { createDraftInvoice(input: { encounterId: $e }) { id totalMinor } }',
    { e: encounter!.id },
  );
  await billing.data('mutation I($id: ID!) { issueInvoice(id: $id) { status } }', { id: createDraftInvoice.id });
  const maria = await stack.as({ email: 'maria@example.com' });
  await maria.data(
    'mutation P($id: ID!, $card: CardInput!) { payInvoice(invoiceId: $id, amountMinor: 5000, idempotencyKey: "merge-visit", card: $card) { status } }',
    {
      id: createDraftInvoice.id,
      card: CARD,
    },
  );
}

describe('merging a duplicate patient record, through the gateway', () => {
  it("moves the merged record's encounters, appointments and invoices to the survivor's chart, exactly once", async () => {
    const mariaId = stack.seed.patientIds[0]!;
    await mariaVisitPaid(mariaId);
    const reception = await stack.as('receptionist');
    const admin = await stack.as('admin');
    const doctor = await stack.as('doctor');
    // The desk registered Maria a second time; that record is the one kept (her original is merged into it).
    const { createPatient } = await reception.data<{ createPatient: { id: string } }>(
      'mutation C($input: CreatePatientInput!) { createPatient(input: $input) { id } }',
      { input: { givenName: 'Maria', familyName: 'Garcia', dateOfBirth: '1985-03-14', sex: 'FEMALE', confirmNotDuplicate: true } },
    );
    const survivorId = createPatient.id;
    // An appointment of the new record with another provider, at the same time as one of the original's.
    const [overlapped] = await query<{ id: string; provider_id: string }>(
      "select id, provider_id from scheduling.appointment where patient_id = $1 and status not in ('cancelled', 'no_show') order by starts_at limit 1",
      [mariaId],
    );
    const [otherProvider] = stack.seed.providerIds.filter((p) => p !== overlapped!.provider_id);
    const [own] = await query<{ id: string }>(
      `insert into scheduling.appointment (facility_id, provider_id, patient_id, type_id, starts_at, ends_at)
       select facility_id, $2, $3, type_id, starts_at, ends_at from scheduling.appointment where id = $1 returning id`,
      [overlapped!.id, otherProvider, survivorId],
    );

    const before = (await admin.data<{ patient: Chart }>(CHART, { id: mariaId })).patient;
    expect(before.encounters.length).toBeGreaterThan(0);
    expect(before.invoices.nodes.length).toBeGreaterThan(0);

    // What moves: rows in three subgraphs, among them a paid invoice (locked) and its payment (append-only).
    const tablesOfMaria = (await patientRows()).filter((r) => r.includes(mariaId)).map((r) => r.split(' ')[0]);
    expect(tablesOfMaria).toEqual(expect.arrayContaining(['care.encounter', 'scheduling.appointment', 'finance.invoice', 'finance.payment', 'finance.charge']));
    const [locked] = await query<{ n: number }>('select count(*)::int as n from finance.invoice where patient_id = $1 and locked_at is not null', [mariaId]);
    expect(locked!.n).toBe(1);

    const merged = await admin.data<{ mergePatients: { account: string } }>(MERGE, { keepId: survivorId, mergeId: mariaId, reason: 'Registered twice' });
    expect(merged.mergePatients.account).toBe('RELINKED');
    await stack.consumers.drain();

    const after = (await admin.data<{ patient: Chart }>(CHART, { id: survivorId })).patient;
    expect(ids(after.encounters)).toEqual(ids(before.encounters));
    expect(ids(after.appointments)).toEqual([...ids(before.appointments), own!.id].sort());
    expect(ids(after.invoices.nodes)).toEqual(ids(before.invoices.nodes));
    // No row of any subgraph names the merged record any more, the locked invoice and its payment included.
    expect((await patientRows()).filter((r) => r.includes(mariaId))).toEqual([]);
    // Both overlapping bookings are kept; only the merged one is exempt from the per-patient rule.
    const flags = await query<{ id: string; merge_overlap: boolean }>(
      'select id, merge_overlap from scheduling.appointment where id in ($1, $2) order by merge_overlap',
      [own!.id, overlapped!.id],
    );
    expect(flags).toEqual([
      { id: own!.id, merge_overlap: false },
      { id: overlapped!.id, merge_overlap: true },
    ]);

    // The merged id now answers PATIENT_MERGED, pointing to the survivor.
    const gone = await doctor.request(CHART, { id: mariaId });
    expect(codeOf(gone)).toBe('PATIENT_MERGED');
    expect(gone.errors[0]?.extensions?.survivorId).toBe(survivorId);
    // Maria signs in to the record kept and sees her invoice there.
    const maria = await stack.as({ email: 'maria@example.com' });
    const own_ = await maria.data<{ invoices: { nodes: { id: string }[] } }>('{ invoices { nodes { id } } }');
    expect(ids(own_.invoices.nodes)).toEqual(ids(before.invoices.nodes));

    // Each consumer audited the merge once, against both records.
    const audits = async () =>
      query<{ service: string; n: number }>(
        "select service, count(*)::int as n from audit.event where entity_type = 'PatientMerge' and entity_id = $1 group by service order by service",
        [mariaId],
      );
    expect(await audits()).toEqual(['care', 'finance', 'people', 'scheduling', 'supply'].map((service) => ({ service, n: 2 })));

    // Replaying the log from the start changes nothing.
    const rows = await patientRows();
    const trail = await audits();
    await query("update events.consumer_offset set last_id = 0 where consumer like '%.patient-merged'");
    await stack.consumers.drain();
    expect(await patientRows()).toEqual(rows);
    expect(await audits()).toEqual(trail);
  });
});
