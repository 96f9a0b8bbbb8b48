import { randomUUID } from 'node:crypto';
import { startTestSubgraph, type TestSubgraph, tokenFor } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPeople } from '../seed.ts';
import { schema } from './index.ts';

let sub: TestSubgraph;
beforeAll(async () => {
  sub = await startTestSubgraph('people', schema);
  await seedPeople(sub.database.db);
});
afterAll(() => sub?.close());

const LIST = '{ providers { displayName departments { name facility { name } } facilities { name departments { name } } } }';

describe('provider lists', () => {
  it('load departments and facilities for every provider in a fixed number of queries (no N+1)', async () => {
    const client = sub.client(await tokenFor({ userId: randomUUID(), roles: ['receptionist'] }));
    const result = await client.request<{ providers: { displayName: string; departments: { name: string }[]; facilities: { name: string }[] }[] }>(LIST);
    expect(result.errors).toEqual([]);
    expect(result.data?.providers.map((p) => [p.displayName, p.departments.map((d) => d.name), p.facilities.map((f) => f.name)])).toEqual([
      ['Dr. Amara Okafor', ['General Practice'], ['Riverside Clinic']],
      ['Dr. Jonas Weber', ['Dentistry'], ['Riverside Clinic']],
    ]);
    const before = result.extensions?.sqlCount as number;
    const [dentistry] = await sub.database.query<{ id: string; facility_id: string }>("select id, facility_id from people.department where name = 'Dentistry'");
    for (const name of ['Ines', 'Omar', 'Yuki']) {
      const [p] = await sub.database.query<{ id: string }>(
        "insert into people.provider (given_name, family_name, specialty) values ($1, 'Extra', 'Dentistry') returning id",
        [name],
      );
      await sub.database.query('insert into people.provider_department values ($1, $2)', [p!.id, dentistry!.id]);
      await sub.database.query('insert into people.provider_facility values ($1, $2)', [p!.id, dentistry!.facility_id]);
    }
    const more = await client.request<{ providers: unknown[] }>(LIST);
    expect(more.data?.providers).toHaveLength(5);
    expect(more.extensions?.sqlCount).toBe(before);
  });
});
