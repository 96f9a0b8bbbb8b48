import { randomUUID } from 'node:crypto';
import { codeOf, type GqlResult, startTestSubgraph, type TestSubgraph, tokenFor } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PeopleSeed, seedPeople } from '../seed.ts';
import { schema } from './index.ts';

let sub: TestSubgraph;
let seed: PeopleSeed;
beforeAll(async () => {
  sub = await startTestSubgraph('people', schema);
  seed = await seedPeople(sub.database.db);
});
afterAll(() => sub?.close());

const SEARCH = 'query S($after: String) { patients(first: 1, after: $after) { nodes { familyName } pageInfo { endCursor hasNextPage } } }';
interface SearchPage {
  patients: { nodes: { familyName: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
}

const forged = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');

describe('patient search cursors', () => {
  async function everyPage(facilityIds: string[]): Promise<string[]> {
    const client = sub.client(await tokenFor({ userId: randomUUID(), roles: ['receptionist'], facilityIds }));
    const names: string[] = [];
    let after: string | null = null;
    do {
      const result: GqlResult<SearchPage> = await client.request<SearchPage>(SEARCH, { after });
      const data: SearchPage | null = result.data;
      names.push(...(data?.patients.nodes.map((n) => n.familyName) ?? []));
      after = data?.patients.pageInfo.hasNextPage ? data.patients.pageInfo.endCursor : null;
    } while (after);
    return names;
  }

  it("page through every patient of the caller's facility in name order, and no other facility's", async () => {
    expect(await everyPage([seed.facilityId])).toEqual(['Chen', 'Garcia', 'Khan']);
    expect(await everyPage([seed.northgate.facilityId])).toEqual(['Norris', 'North']);
    expect(await everyPage([seed.facilityId, seed.northgate.facilityId])).toEqual(['Chen', 'Garcia', 'Khan', 'Norris', 'North']);
  });

  it.each([
    ['too few parts', forged(['garcia'])],
    ['a bad id', forged(['garcia', 'maria', 'not-a-uuid'])],
    ['not a cursor at all', 'nonsense!'],
  ])('a forged cursor (%s) is BAD_USER_INPUT, never an internal error', async (_what, after) => {
    const client = sub.client(await tokenFor({ userId: randomUUID(), roles: ['receptionist'] }));
    expect(codeOf(await client.request(SEARCH, { after }))).toBe('BAD_USER_INPUT');
  });
});
