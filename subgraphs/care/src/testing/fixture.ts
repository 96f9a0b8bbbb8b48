import { randomUUID } from 'node:crypto';
import { type EventInput, emitEvent, type RunningConsumers, type SubgraphServer, startEventConsumers, startSubgraph } from '@clinigraph/kit';
import { createTestDatabase, type GqlClient, gqlClient, type TestDatabase, tokenFor } from '@clinigraph/kit/testing';
import { type PeopleSeed, people, seedPeople } from '@clinigraph/people';
import { supply } from '@clinigraph/supply';
import { careConsumers } from '../consumers.ts';
import { schema } from '../schema/index.ts';

/**
 * Care over a fresh database with the real people and supply subgraphs beside it (the allergy check
 * and the medicine lookup read them as the caller), care's event consumers running, and people's
 * demo data: Maria (patient 0) has a severe penicillin allergy.
 */
export interface CareFixture {
  db: TestDatabase;
  seed: PeopleSeed;
  care: SubgraphServer;
  consumers: RunningConsumers;
  doctor: GqlClient;
  doctor2: GqlClient;
  nurse: GqlClient;
  lab: GqlClient;
  /** A second member of the lab: verifies what `lab` entered (four eyes). */
  lab2: GqlClient;
  receptionist: GqlClient;
  pharmacist: GqlClient;
  admin: GqlClient;
  /** Patient clients by index into seed.patientIds (0 Maria, 1 James, 2 Aisha). */
  patient(index: number): Promise<GqlClient>;
  /** A MEDICINE in supply's catalogue with this generic name (created through supply's API once). */
  medicine(genericName: string): Promise<string>;
  /** Records an allergy through people's API. */
  addAllergy(patientId: string, substance: string, severity: 'MILD' | 'MODERATE' | 'SEVERE' | 'LIFE_THREATENING'): Promise<void>;
  /** A walk-in encounter for the patient with the first doctor, already in consultation. */
  consultation(patientIndex: number): Promise<string>;
  /** A lab order for one test taken through collection, entry, four-eyes verification and release; its id. */
  releasedLabOrder(encounterId: string, testCode: string, value: number): Promise<string>;
  emit(event: EventInput): Promise<bigint>;
  events(topic: string): Promise<{ entity_id: string; patient_id: string | null; provider_id: string | null; payload: any }[]>;
  count(table: string, where?: string, params?: unknown[]): Promise<number>;
  close(): Promise<void>;
}

export async function startCareFixture(): Promise<CareFixture> {
  const db = await createTestDatabase();
  const seed = await seedPeople(db.database.db);
  const servers = await Promise.all([
    startSubgraph({ name: 'people', schema: people.schema, database: db.database }),
    startSubgraph({ name: 'supply', schema: supply.schema, database: db.database }),
    startSubgraph({ name: 'care', schema, database: db.database }),
  ]);
  const [peopleServer, supplyServer, care] = servers;
  const consumers = await startEventConsumers('care', db.database, careConsumers, { pollMs: 200 });
  const staff = async (role: 'doctor' | 'nurse' | 'lab' | 'receptionist' | 'pharmacist' | 'admin', providerId: string | null = null) =>
    gqlClient(care!.url, await tokenFor({ userId: randomUUID(), roles: [role], providerId, facilityIds: [seed.facilityId] }));
  const admin = await staff('admin');
  const adminToken = admin.token;
  const medicines = new Map<string, Promise<string>>();
  const doctor = await staff('doctor', seed.providerIds[0]!);

  const fixture: CareFixture = {
    db,
    seed,
    care: care!,
    consumers,
    doctor,
    doctor2: await staff('doctor', seed.providerIds[1]!),
    nurse: await staff('nurse'),
    lab: await staff('lab'),
    lab2: await staff('lab'),
    receptionist: await staff('receptionist'),
    pharmacist: await staff('pharmacist'),
    admin,
    patient: async (index) => gqlClient(care!.url, await tokenFor({ userId: randomUUID(), roles: ['patient'], patientId: seed.patientIds[index]! })),
    medicine: (genericName) => {
      let id = medicines.get(genericName);
      if (!id) {
        id = gqlClient(supplyServer!.url, adminToken)
          .data<{ createItem: { id: string } }>('mutation($input: CreateItemInput!) { createItem(input: $input) { id } }', {
            input: {
              sku: `T-${genericName.toUpperCase().replace(/\W/g, '-')}-${randomUUID().slice(0, 6)}`,
              name: `${genericName[0]!.toUpperCase()}${genericName.slice(1)} test tablets`,
              kind: 'MEDICINE',
              unit: 'tablet',
              genericName,
              form: 'tablet',
              strength: '10 mg',
            },
          })
          .then((r) => r.createItem.id);
        medicines.set(genericName, id);
      }
      return id;
    },
    addAllergy: async (patientId, substance, severity) => {
      await gqlClient(peopleServer!.url, adminToken).data('mutation($p: ID!, $i: AllergyInput!) { addAllergy(patientId: $p, input: $i) { id } }', {
        p: patientId,
        i: { substance, severity },
      });
    },
    consultation: async (patientIndex) => {
      const { openWalkInEncounter } = await doctor.data<{ openWalkInEncounter: { id: string } }>(
        'mutation($p: ID!, $f: ID!) { openWalkInEncounter(patientId: $p, facilityId: $f) { id } }',
        { p: seed.patientIds[patientIndex], f: seed.facilityId },
      );
      await doctor.data('mutation($id: ID!) { startConsultation(id: $id) { id } }', { id: openWalkInEncounter.id });
      return openWalkInEncounter.id;
    },
    releasedLabOrder: async (encounterId, testCode, value) => {
      const { orderLabTests } = await doctor.data<{ orderLabTests: { id: string; items: { id: string }[] } }>(
        'mutation($e: ID!, $t: [String!]!) { orderLabTests(encounterId: $e, tests: $t) { id items { id } } }',
        { e: encounterId, t: [testCode] },
      );
      const id = orderLabTests.id;
      await fixture.nurse.data('mutation($id: ID!) { collectLabSample(orderId: $id, specimen: "Serum") { id } }', { id });
      await fixture.lab.data('mutation($id: ID!) { receiveLabOrder(id: $id) { id } }', { id });
      await fixture.lab.data('mutation($i: ID!, $v: Float!) { enterLabResult(orderItemId: $i, value: $v) { id } }', {
        i: orderLabTests.items[0]!.id,
        v: value,
      });
      await fixture.lab2.data('mutation($id: ID!) { verifyLabOrder(id: $id) { id } }', { id });
      await fixture.lab2.data('mutation($id: ID!) { releaseLabOrder(id: $id) { id } }', { id });
      return id;
    },
    emit: (event) => db.database.db.transaction((tx) => emitEvent(tx, event)),
    events: (topic) =>
      db.database.query('select entity_id, patient_id::text, provider_id::text, payload from events.log where topic = $1 order by id', [topic]),
    count: async (table, where = 'true', params = []) =>
      Number((await db.database.query<{ n: string }>(`select count(*) as n from ${table} where ${where}`, params))[0]!.n),
    close: async () => {
      await consumers.stop();
      await Promise.all(servers.map((s) => s!.close()));
      await db.drop();
    },
  };
  return fixture;
}
