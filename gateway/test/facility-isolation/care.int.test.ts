import { codeOf, type GqlClient, type GqlResult, gqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SecondFacility, secondFacility } from '../../src/testing/second-facility.ts';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { cursorNow } from '../care-live/clinic.ts';
import { collect, liveConnections } from '../scheduling-live/live-client.ts';

/**
 * Facility scoping in care (issue 14). Hillside (B) keeps its own charts: a visit of B's patient with
 * vitals, a note, a diagnosis, prescriptions, a lab order with a critical value, an imaging study, a
 * referral, a certificate, a document, dental findings and plan, a renewal request and a certificate
 * request, all made by B's staff (and B's patient). The demo staff of Riverside (A) must find none of it
 * by any path: by id, in worklists, queues and inboxes, through `_entities` of every care @key type and
 * of the Patient fields care adds, in live updates, or by acting on it (NOT_FOUND, nothing written).
 * B's staff see their own; the network admin sees both.
 */
let stack: TestStack;
let b: SecondFacility;
let aDoctor: GqlClient;
let aNurse: GqlClient;
let aLab: GqlClient;
let aPharmacist: GqlClient;
let admin: GqlClient;
let bPatient: GqlClient;
const ids: Record<string, string> = {};

const MISSING = '00000000-0000-4000-8000-000000000000';
const PDF = Buffer.from('%PDF-1.4\n% Hillside discharge letter\n').toString('base64');
const connect = liveConnections(() => stack.gateway.url);

async function data<T = Record<string, any>>(client: GqlClient, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return client.data<T>(query, variables);
}

beforeAll(async () => {
  stack = await startTestStack();
  b = await secondFacility(stack);
  [aDoctor, aNurse, aLab, aPharmacist, admin] = await Promise.all([
    stack.as('doctor'),
    stack.as('nurse'),
    stack.as('lab'),
    stack.as('pharmacist'),
    stack.as('admin'),
  ]);
  const { doctor, nurse, lab } = b.staff;

  await data(admin, 'mutation($f: ID!) { setFacilityLabPolicy(facilityId: $f, singlePersonLab: true) { id } }', { f: b.facilityId });
  await data(admin, 'mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }', {
    i: { email: 'holly@hillside.test', password: 'holly-hillside-1', displayName: 'Holly Hillside', roles: ['PATIENT'], patientId: b.patientId },
  });
  bPatient = await stack.as({ email: 'holly@hillside.test', password: 'holly-hillside-1' });

  const open = async () => {
    const { openWalkInEncounter } = await data(doctor, 'mutation($p: ID!, $f: ID!) { openWalkInEncounter(patientId: $p, facilityId: $f) { id } }', {
      p: b.patientId,
      f: b.facilityId,
    });
    await data(doctor, 'mutation($id: ID!) { startConsultation(id: $id) { id } }', { id: openWalkInEncounter.id });
    return openWalkInEncounter.id as string;
  };
  ids.encounter = await open();
  const e = ids.encounter;
  ids.vitals = (
    await data(nurse, 'mutation($e: ID!) { recordVitals(input: { encounterId: $e, systolic: 128, diastolic: 82, pulse: 70 }) { id } }', { e })
  ).recordVitals.id;
  ids.note = (
    await data(doctor, 'mutation($e: ID!) { createNote(encounterId: $e, template: PROGRESS, sections: [{ key: "body", text: "Hillside progress" }]) { id } }', {
      e,
    })
  ).createNote.id;
  ids.diagnosis = (await data(doctor, 'mutation($e: ID!) { addDiagnosis(encounterId: $e, code: "R05.9", kind: PRIMARY) { id } }', { e })).addDiagnosis.id;

  const { items } = await data<{ items: { id: string; genericName: string | null }[] }>(doctor, '{ items(kind: MEDICINE) { id genericName } }');
  ids.medicine = items.find((i) => i.genericName === 'paracetamol')!.id;
  const line = { itemId: ids.medicine, dose: '1 g', route: 'ORAL', frequency: 'every 6 hours', durationDays: 3, quantity: 12 };
  const PRESCRIBE = 'mutation($e: ID!, $i: [PrescriptionItemInput!]) { createPrescription(encounterId: $e, items: $i) { id items { id } } }';
  ids.prescription = (await data(doctor, PRESCRIBE, { e, i: [line] })).createPrescription.id;
  await data(doctor, 'mutation($id: ID!) { finalisePrescription(id: $id) { id } }', { id: ids.prescription });
  const draft = (await data(doctor, PRESCRIBE, { e, i: [line] })).createPrescription;
  [ids.draft, ids.draftItem] = [draft.id, draft.items[0].id];

  const order = (await data(doctor, 'mutation($e: ID!) { orderLabTests(encounterId: $e, tests: ["K"], priority: STAT) { id items { id } } }', { e }))
    .orderLabTests;
  [ids.labOrder, ids.labItem] = [order.id, order.items[0].id];
  await data(nurse, 'mutation($id: ID!) { collectLabSample(orderId: $id, specimen: "Lithium heparin") { id } }', { id: ids.labOrder });
  await data(lab, 'mutation($id: ID!) { receiveLabOrder(id: $id) { id } }', { id: ids.labOrder });
  ids.labResult = (await data(lab, 'mutation($i: ID!) { enterLabResult(orderItemId: $i, value: 7.1) { id } }', { i: ids.labItem })).enterLabResult.id;
  await data(lab, 'mutation($id: ID!) { verifyLabOrder(id: $id) { id } }', { id: ids.labOrder });
  ids.openLabOrder = (await data(doctor, 'mutation($e: ID!) { orderLabTests(encounterId: $e, tests: ["K"]) { id } }', { e })).orderLabTests.id;

  ids.radiology = (
    await data(doctor, 'mutation($e: ID!) { orderImaging(encounterId: $e, modality: XRAY, bodyPart: "Chest PA") { id } }', { e })
  ).orderImaging.id;
  ids.referral = (
    await data(doctor, 'mutation($e: ID!) { createReferral(encounterId: $e, toSpecialty: "Cardiology", reason: "Palpitations") { id } }', { e })
  ).createReferral.id;
  ids.certificate = (
    await data(
      doctor,
      'mutation($p: ID!, $e: ID!) { issueCertificate(patientId: $p, encounterId: $e, template: ATTENDANCE, validFrom: "2026-01-05", validTo: "2026-01-05") { id } }',
      { p: b.patientId, e },
    )
  ).issueCertificate.id;
  ids.document = (
    await data(
      doctor,
      'mutation($p: ID!, $e: ID!, $c: String!) { uploadDocument(patientId: $p, encounterId: $e, kind: REPORT, title: "Letter", filename: "letter.pdf", contentType: "application/pdf", contentBase64: $c) { id } }',
      { p: b.patientId, e, c: PDF },
    )
  ).uploadDocument.id;
  ids.finding = (
    await data(doctor, 'mutation($e: ID!) { recordToothFinding(encounterId: $e, tooth: 16, surfaces: [O], finding: CARIES) { id } }', { e })
  ).recordToothFinding.id;
  ids.plan = (
    await data(doctor, 'mutation($e: ID!) { addTreatmentPlanItem(encounterId: $e, tooth: 16, procedure: "Composite filling") { id } }', { e })
  ).addTreatmentPlanItem.id;

  ids.renewal = (
    await data(bPatient, 'mutation($id: ID!) { requestPrescriptionRenewal(prescriptionId: $id, kind: RENEWAL) { id } }', { id: ids.prescription })
  ).requestPrescriptionRenewal.id;
  ids.certificateRequest = (
    await data(bPatient, 'mutation { requestCertificate(template: SICK_LEAVE, validFrom: "2026-01-05", validTo: "2026-01-06", reason: "Flu") { id } }')
  ).requestCertificate.id;

  ids.closed = await open();
  await data(doctor, 'mutation($e: ID!) { addDiagnosis(encounterId: $e, code: "R05.9") { id } }', { e: ids.closed });
  await data(doctor, 'mutation($e: ID!) { closeEncounter(id: $e, followUp: { inDays: 14 }) { id } }', { e: ids.closed });
}, 120_000);
afterAll(() => stack?.stop());

const sameError = (r: GqlResult<unknown>) => (r.errors ?? []).map((e) => ({ message: e.message, code: e.extensions?.code }));

/** Every root query of a care record by id: [query, id of B's record]. */
const BY_ID: [string, () => string][] = [
  ['query($id: ID!) { encounter(id: $id) { id status } }', () => ids.encounter!],
  ['query($id: ID!) { note(id: $id) { id current { version } } }', () => ids.note!],
  ['query($id: ID!) { prescription(id: $id) { id status } }', () => ids.prescription!],
  ['query($id: ID!) { prescriptionSafetyCheck(id: $id) { key } }', () => ids.draft!],
  ['query($id: ID!) { renewalRequest(id: $id) { id status } }', () => ids.renewal!],
  ['query($id: ID!) { labOrder(id: $id) { id status } }', () => ids.labOrder!],
  ['query($id: ID!) { radiologyOrder(id: $id) { id status } }', () => ids.radiology!],
  ['query($id: ID!) { certificate(id: $id) { id status } }', () => ids.certificate!],
  ['query($id: ID!) { certificate(id: $id) { id status } }', () => ids.certificateRequest!],
  ['query($id: ID!) { referral(id: $id) { id status } }', () => ids.referral!],
  ['query($id: ID!) { document(id: $id) { id title } }', () => ids.document!],
];

describe("A's staff cannot read B's charts", () => {
  it('by id: NOT_FOUND, exactly as a missing record; B and the network admin read them', async () => {
    for (const [query, id] of BY_ID) {
      const other = await aDoctor.request(query, { id: id() });
      expect(codeOf(other), query).toBe('NOT_FOUND');
      expect(Object.values(other.data ?? {})).toEqual([null]);
      expect(sameError(other)).toEqual(sameError(await aDoctor.request(query, { id: MISSING })));
      expect(codeOf(await b.staff.doctor.request(query, { id: id() })), query).toBeNull();
      expect(codeOf(await admin.request(query, { id: id() })), query).toBeNull();
    }
  });

  it('through `_entities` of every care @key type, asked of the care subgraph directly: null and NOT_FOUND for A, the record for B', async () => {
    const keyed: [string, string][] = [
      ['Encounter', ids.encounter!],
      ['Note', ids.note!],
      ['Prescription', ids.prescription!],
      ['LabOrder', ids.labOrder!],
      ['RadiologyOrder', ids.radiology!],
      ['Certificate', ids.certificate!],
    ];
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Encounter { id } ... on Note { id } ... on Prescription { id } ... on LabOrder { id } ... on RadiologyOrder { id } ... on Certificate { id } } }`;
    const r = keyed.map(([__typename, id]) => ({ __typename, id }));
    const fromA = await gqlClient(stack.subgraphs.care!.url, aDoctor.token).request<{ _entities: unknown[] }>(ENTITIES, { r });
    expect(fromA.data?._entities).toEqual(keyed.map(() => null));
    expect(fromA.errors?.map((e) => e.extensions?.code)).toEqual(keyed.map(() => 'NOT_FOUND'));
    const fromB = await gqlClient(stack.subgraphs.care!.url, b.staff.doctor.token).data<{ _entities: { id: string }[] }>(ENTITIES, { r });
    expect(fromB._entities.map((x) => x.id)).toEqual(keyed.map(([, id]) => id));
  });

  it("through the Patient fields care adds (`_entities` of Patient): B's chart entries are absent for A, present for B", async () => {
    const CHART = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient {
      encounters { id } vitals { id } diagnosisHistory { id } prescriptions { id } labOrders { id } radiologyOrders { id }
      certificates { id } referrals { id } documents { id } dentalChart { teeth { tooth } plan { id } } } } }`;
    const r = [{ __typename: 'Patient', id: b.patientId }];
    const asA = await gqlClient(stack.subgraphs.care!.url, aDoctor.token).data<{ _entities: Record<string, any>[] }>(CHART, { r });
    expect(asA._entities[0]).toEqual({
      encounters: [],
      vitals: [],
      diagnosisHistory: [],
      prescriptions: [],
      labOrders: [],
      radiologyOrders: [],
      certificates: [],
      referrals: [],
      documents: [],
      dentalChart: { teeth: [], plan: [] },
    });
    const asB = await gqlClient(stack.subgraphs.care!.url, b.staff.doctor.token).data<{ _entities: Record<string, any>[] }>(CHART, { r });
    const chart = asB._entities[0]!;
    expect(chart.encounters.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([ids.encounter, ids.closed]));
    expect(chart.certificates.map((x: { id: string }) => x.id).sort()).toEqual([ids.certificate, ids.certificateRequest].sort());
    expect(chart.dentalChart.plan.map((x: { id: string }) => x.id)).toEqual([ids.plan]);
    for (const field of ['vitals', 'diagnosisHistory', 'prescriptions', 'labOrders', 'radiologyOrders', 'referrals', 'documents'])
      expect(chart[field].length, field).toBeGreaterThan(0);
  });

  it("B's lab settings, which care adds to Facility, are NOT_FOUND for A; A reads its own, the network admin both", async () => {
    const SETTINGS = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Facility { singlePersonLab patientResultDelayHours } } }';
    const atCare = (client: GqlClient) => gqlClient(stack.subgraphs.care!.url, client.token);
    const ofB = { r: [{ __typename: 'Facility', id: b.facilityId }] };
    expect(codeOf(await atCare(aDoctor).request(SETTINGS, ofB))).toBe('NOT_FOUND');
    expect(codeOf(await atCare(aDoctor).request(SETTINGS, { r: [{ __typename: 'Facility', id: stack.seed.facilityId }] }))).toBeNull();
    const network = await atCare(admin).data<{ _entities: { singlePersonLab: boolean }[] }>(SETTINGS, ofB);
    expect(network._entities[0]?.singlePersonLab).toBe(true);
  });

  it("the vitals trend of B's patient is empty for A", async () => {
    const TREND = 'query($p: ID!) { vitalsTrend(patientId: $p, measure: SYSTOLIC) { value } }';
    expect((await data(aNurse, TREND, { p: b.patientId })).vitalsTrend).toEqual([]);
    expect((await data(b.staff.nurse, TREND, { p: b.patientId })).vitalsTrend).toEqual([{ value: 128 }]);
  });
});

describe("worklists, queues and inboxes leave B's rows out (in SQL)", () => {
  const listIds = (rows: { id: string }[]) => rows.map((r) => r.id);

  it('the encounter queue and follow-up recommendations', async () => {
    const QUEUE = 'query($p: ID) { encounterQueue(providerId: $p) { id } }';
    expect(listIds((await data(aNurse, QUEUE, { p: b.providerId })).encounterQueue)).toEqual([]);
    expect(listIds((await data(b.staff.nurse, QUEUE, { p: b.providerId })).encounterQueue)).toContain(ids.encounter);
    expect(listIds((await data(admin, QUEUE, { p: b.providerId })).encounterQueue)).toContain(ids.encounter);
    const FOLLOW = 'query($from: Date!, $to: Date!) { followUpRecommendations(from: $from, to: $to) { id } }';
    const range = { from: new Date().toISOString().slice(0, 10), to: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10) };
    expect(listIds((await data(aNurse, FOLLOW, range)).followUpRecommendations)).not.toContain(ids.closed);
    expect(listIds((await data(b.staff.nurse, FOLLOW, range)).followUpRecommendations)).toEqual([ids.closed]);
  });

  it('the lab worklist, radiology worklist, dispense queue, renewal and certificate inboxes', async () => {
    const cases: [GqlClient, GqlClient, string, string, string][] = [
      [aLab, b.staff.lab, 'query { labWorklist(statuses: [ORDERED, VERIFIED]) { id } }', 'labWorklist', ids.labOrder!],
      [aDoctor, b.staff.doctor, 'query { radiologyWorklist { id } }', 'radiologyWorklist', ids.radiology!],
      [aPharmacist, b.staff.pharmacist, 'query { dispensablePrescriptions { id } }', 'dispensablePrescriptions', ids.prescription!],
      [aDoctor, b.staff.doctor, 'query { pendingRenewalRequests { id } }', 'pendingRenewalRequests', ids.renewal!],
      [aDoctor, b.staff.doctor, 'query { pendingCertificateRequests { id } }', 'pendingCertificateRequests', ids.certificateRequest!],
      [aDoctor, b.staff.doctor, 'query { unacknowledgedCriticalResults { id } }', 'unacknowledgedCriticalResults', ids.labResult!],
      [aDoctor, b.staff.doctor, 'query { labResultsToReview { id } }', 'labResultsToReview', ids.labOrder!],
    ];
    for (const [ofA, ofB, query, field, bId] of cases) {
      expect(listIds((await data(ofA, query))[field]), field).not.toContain(bId);
      expect(listIds((await data(ofB, query))[field]), field).toContain(bId);
    }
    expect(listIds((await data(admin, 'query { labWorklist(statuses: [ORDERED, VERIFIED]) { id } }')).labWorklist)).toContain(ids.labOrder);
  });
});

describe("A's staff cannot act on B's records: NOT_FOUND, nothing written", () => {
  const SNAPSHOT = `query($e: ID!) { encounter(id: $e) { status vitals { id } notes { currentVersion } diagnoses { id } prescriptions { id status }
    labOrders { id status } radiologyOrders { id status } referrals { id status } } }`;

  it('every care mutation on a B record, or naming B as the facility', async () => {
    const before = await data(b.staff.doctor, SNAPSHOT, { e: ids.encounter });
    const line = { itemId: ids.medicine, dose: '1 g', route: 'ORAL', frequency: 'daily', durationDays: 1, quantity: 1 };
    const attempts: [GqlClient, string, () => Record<string, unknown>][] = [
      [aDoctor, 'mutation($p: ID!, $f: ID!) { openWalkInEncounter(patientId: $p, facilityId: $f) { id } }', () => ({ p: b.patientId, f: b.facilityId })],
      [aDoctor, 'mutation($id: ID!) { startConsultation(id: $id) { id } }', () => ({ id: ids.encounter })],
      [aDoctor, 'mutation($id: ID!) { closeEncounter(id: $id) { id } }', () => ({ id: ids.encounter })],
      [aNurse, 'mutation($e: ID!) { recordVitals(input: { encounterId: $e, pulse: 80 }) { id } }', () => ({ e: ids.encounter })],
      [
        aDoctor,
        'mutation($e: ID!) { createNote(encounterId: $e, template: PROGRESS, sections: [{ key: "body", text: "x" }]) { id } }',
        () => ({ e: ids.encounter }),
      ],
      [aDoctor, 'mutation($id: ID!) { editNote(noteId: $id, expectedVersion: 1, sections: [{ key: "body", text: "x" }]) { id } }', () => ({ id: ids.note })],
      [aDoctor, 'mutation($e: ID!) { addDiagnosis(encounterId: $e, code: "J06.9") { id } }', () => ({ e: ids.encounter })],
      [aDoctor, 'mutation($id: ID!) { removeDiagnosis(id: $id) }', () => ({ id: ids.diagnosis })],
      [aDoctor, 'mutation($e: ID!) { createPrescription(encounterId: $e) { id } }', () => ({ e: ids.encounter })],
      [
        aDoctor,
        'mutation($id: ID!, $l: PrescriptionItemInput!) { addPrescriptionItem(prescriptionId: $id, item: $l) { id } }',
        () => ({ id: ids.draft, l: line }),
      ],
      [aDoctor, 'mutation($id: ID!) { removePrescriptionItem(itemId: $id) { id } }', () => ({ id: ids.draftItem })],
      [aDoctor, 'mutation($id: ID!) { finalisePrescription(id: $id) { id } }', () => ({ id: ids.draft })],
      [aDoctor, 'mutation($id: ID!) { cancelPrescription(id: $id, reason: "Not mine") { id } }', () => ({ id: ids.prescription })],
      [aDoctor, 'mutation($id: ID!) { decideRenewalRequest(requestId: $id, approve: true) { id } }', () => ({ id: ids.renewal })],
      [aDoctor, 'mutation($e: ID!) { orderLabTests(encounterId: $e, tests: ["K"]) { id } }', () => ({ e: ids.encounter })],
      [aNurse, 'mutation($id: ID!) { collectLabSample(orderId: $id, specimen: "x") { id } }', () => ({ id: ids.openLabOrder })],
      [aLab, 'mutation($id: ID!) { receiveLabOrder(id: $id) { id } }', () => ({ id: ids.openLabOrder })],
      [aLab, 'mutation($i: ID!) { enterLabResult(orderItemId: $i, value: 4.1, correctionReason: "Retyped value") { id } }', () => ({ i: ids.labItem })],
      [aLab, 'mutation($id: ID!) { verifyLabOrder(id: $id) { id } }', () => ({ id: ids.labOrder })],
      [aLab, 'mutation($id: ID!) { releaseLabOrder(id: $id) { id } }', () => ({ id: ids.labOrder })],
      [aDoctor, 'mutation($id: ID!) { cancelLabOrder(id: $id) { id } }', () => ({ id: ids.openLabOrder })],
      [aDoctor, 'mutation($id: ID!) { markLabResultsSeen(id: $id) { id } }', () => ({ id: ids.labOrder })],
      [aDoctor, 'mutation($id: ID!) { acknowledgeCriticalResult(resultId: $id) { id } }', () => ({ id: ids.labResult })],
      [aDoctor, 'mutation($e: ID!) { orderImaging(encounterId: $e, modality: XRAY, bodyPart: "Hand") { id } }', () => ({ e: ids.encounter })],
      [aDoctor, 'mutation($id: ID!) { reportImaging(orderId: $id, findings: "x", impression: "y") { id } }', () => ({ id: ids.radiology })],
      [aDoctor, 'mutation($id: ID!) { verifyImagingReport(id: $id) { id } }', () => ({ id: ids.radiology })],
      [aDoctor, 'mutation($id: ID!) { cancelImaging(id: $id) { id } }', () => ({ id: ids.radiology })],
      [aDoctor, 'mutation($id: ID!) { decideCertificate(id: $id, approve: true) { id } }', () => ({ id: ids.certificateRequest })],
      [aDoctor, 'mutation($e: ID!) { recordToothFinding(encounterId: $e, tooth: 11, finding: WATCH) { id } }', () => ({ e: ids.encounter })],
      [aDoctor, 'mutation($e: ID!) { addTreatmentPlanItem(encounterId: $e, procedure: "Scaling") { id } }', () => ({ e: ids.encounter })],
      [aDoctor, 'mutation($id: ID!) { setTreatmentPlanStatus(id: $id, status: DONE) { id } }', () => ({ id: ids.plan })],
      [aDoctor, 'mutation($e: ID!) { createReferral(encounterId: $e, toSpecialty: "ENT", reason: "Tinnitus") { id } }', () => ({ e: ids.encounter })],
      [aDoctor, 'mutation($id: ID!) { setReferralStatus(id: $id, status: CANCELLED) { id } }', () => ({ id: ids.referral })],
    ];
    for (const [client, mutation, variables] of attempts) {
      const result = await client.request(mutation, variables());
      expect(codeOf(result), mutation).toBe('NOT_FOUND');
    }
    expect(await data(b.staff.doctor, SNAPSHOT, { e: ids.encounter })).toEqual(before);
    const plan = await data(b.staff.doctor, 'query($p: ID!) { patient(id: $p) { certificates { id status } dentalChart { plan { id status } } } }', {
      p: b.patientId,
    });
    expect(plan.patient.dentalChart.plan).toEqual([{ id: ids.plan, status: 'PLANNED' }]);
    expect(plan.patient.certificates).toContainEqual({ id: ids.certificateRequest, status: 'REQUESTED' });
  });

  it("filing a certificate or document under B's encounter is refused on the field, as for a missing encounter", async () => {
    const ISSUE =
      'mutation($p: ID!, $e: ID!) { issueCertificate(patientId: $p, encounterId: $e, template: ATTENDANCE, validFrom: "2026-01-05", validTo: "2026-01-05") { id } }';
    const UPLOAD =
      'mutation($p: ID!, $e: ID!, $c: String!) { uploadDocument(patientId: $p, encounterId: $e, kind: OTHER, title: "x", filename: "x.pdf", contentType: "application/pdf", contentBase64: $c) { id } }';
    for (const [mutation, extra] of [
      [ISSUE, {}],
      [UPLOAD, { c: PDF }],
    ] as const) {
      const refused = await aDoctor.request(mutation, { p: b.patientId, e: ids.encounter, ...extra });
      const missing = await aDoctor.request(mutation, { p: b.patientId, e: MISSING, ...extra });
      expect(codeOf(refused)).toBe('BAD_USER_INPUT');
      expect(sameError(refused)).toEqual(sameError(missing));
    }
  });
});

describe('live care updates follow the facility', () => {
  const ENCOUNTERS = 'subscription($after: String) { encounterChanged(after: $after) { status encounter { id } } }';
  const LAB = 'subscription($after: String) { labOrderChanged(after: $after) { status labOrder { id } } }';

  it("A's staff do not receive B's encounter and lab events; B's staff and the network admin do", async () => {
    const after = await cursorNow(stack);
    const ofA = [collect(connect(aNurse), ENCOUNTERS, { after }), collect(connect(aLab), LAB, { after }), collect(connect(aNurse), LAB, { after })];
    const bNurse = collect(connect(b.staff.nurse), ENCOUNTERS, { after });
    const bLab = collect(connect(b.staff.lab), LAB, { after });
    const network = collect(connect(admin), ENCOUNTERS, { after });
    const { openWalkInEncounter } = await data(b.staff.doctor, 'mutation($p: ID!, $f: ID!) { openWalkInEncounter(patientId: $p, facilityId: $f) { id } }', {
      p: b.patientId,
      f: b.facilityId,
    });
    await data(b.staff.doctor, 'mutation($id: ID!) { startConsultation(id: $id) { id } }', { id: openWalkInEncounter.id });
    const { orderLabTests } = await data(b.staff.doctor, 'mutation($e: ID!) { orderLabTests(encounterId: $e, tests: ["K"]) { id } }', {
      e: openWalkInEncounter.id,
    });
    await bNurse.waitFor(2);
    await bLab.waitFor(1);
    await network.waitFor(2);
    expect(bNurse.results[0]?.data).toEqual({ encounterChanged: { status: 'OPEN', encounter: { id: openWalkInEncounter.id } } });
    expect(bLab.results[0]?.data).toEqual({ labOrderChanged: { status: 'ORDERED', labOrder: { id: orderLabTests.id } } });
    await Promise.all(ofA.map((live) => live.settle(400)));
    for (const live of ofA) expect(live.results).toEqual([]);
    const events = await stack.db.database.query<{ facility_id: string | null }>('select facility_id from events.log where entity_id = any($1)', [
      [openWalkInEncounter.id, orderLabTests.id],
    ]);
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(new Set(events.map((e) => e.facility_id))).toEqual(new Set([b.facilityId]));
  });

  it("B's events are NOT_FOUND when A asks for them by id (what live updates resolve through)", async () => {
    const eventOf = async (topic: string, entityId: string) =>
      (
        await stack.db.database.query<{ id: string }>('select id::text from events.log where topic = $1 and entity_id = $2 order by id limit 1', [
          topic,
          entityId,
        ])
      )[0]!.id;
    const cases: [GqlClient, string, string][] = [
      [aNurse, 'query($id: ID!) { encounterEvent(id: $id) { status } }', await eventOf('encounter.changed', ids.encounter!)],
      [aLab, 'query($id: ID!) { labOrderEvent(id: $id) { status } }', await eventOf('lab_order.changed', ids.labOrder!)],
      [aDoctor, 'query($id: ID!) { criticalLabResultEvent(id: $id) { testCode } }', await eventOf('lab_result.critical', ids.labResult!)],
      [aPharmacist, 'query($id: ID!) { prescriptionFinalisedEvent(id: $id) { cursor } }', await eventOf('prescription.finalised', ids.prescription!)],
    ];
    for (const [client, query, id] of cases) {
      expect(codeOf(await client.request(query, { id })), query).toBe('NOT_FOUND');
      expect(codeOf(await admin.request(query, { id })), query).toBeNull();
    }
  });
});
