import type { Database, Role } from '@clinigraph/kit';
import { type GqlClient, type GqlResult, startTestSubgraph, type TestSubgraph } from '@clinigraph/kit/testing';
import { schema } from './schema/index.ts';
import { DEMO_PASSWORD, DEMO_PATIENTS, type PeopleSeed, seedPeople } from './seed.ts';

/** Test helpers for the people subgraph: the subgraph alone on port 0, seeded with the demo data. */

export const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken accessTokenExpiresAt refreshToken account { id email roles status } }
}`;
export const REFRESH = `mutation Refresh($token: String!) {
  refreshSession(refreshToken: $token) { accessToken refreshToken account { id roles } }
}`;
export const LOGOUT = 'mutation Logout($token: String!) { logout(refreshToken: $token) }';

export interface LoginResult {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  account: { id: string; email: string; roles: string[]; status: string };
}

export type Who = Role | 'maria' | 'james' | 'aisha' | { email: string; password?: string };

export interface PeopleTestSubgraph extends TestSubgraph {
  seed: PeopleSeed;
  /** Signs in through the `login` mutation and answers the whole session. */
  login(who: Who): Promise<LoginResult>;
  /** A client signed in as the first demo account with this role, a demo patient, or an e-mail. */
  as(who: Who): Promise<GqlClient>;
  /** The demo patients' record ids by first name. */
  patients: { maria: string; james: string; aisha: string };
}

const patientEmails = { maria: DEMO_PATIENTS[0].email, james: DEMO_PATIENTS[1].email, aisha: DEMO_PATIENTS[2].email } as const;

export function credentialsOf(seed: PeopleSeed, who: Who): { email: string; password: string } {
  if (typeof who === 'object') return { email: who.email, password: who.password ?? DEMO_PASSWORD };
  if (who in patientEmails) return { email: patientEmails[who as keyof typeof patientEmails], password: DEMO_PASSWORD };
  const login = seed.logins.find((l) => l.role === who);
  if (!login) throw new Error(`no demo login for ${who}`);
  return { email: login.email, password: DEMO_PASSWORD };
}

export async function startPeopleSubgraph(): Promise<PeopleTestSubgraph> {
  const sub = await startTestSubgraph('people', schema);
  const seed = await seedPeople(sub.database.db);
  const anonymous = sub.client();
  const login = async (who: Who) => {
    const { login } = await anonymous.data<{ login: LoginResult }>(LOGIN, credentialsOf(seed, who));
    return login;
  };
  const [maria, james, aisha] = seed.patientIds as [string, string, string];
  return {
    ...sub,
    seed,
    login,
    as: async (who) => sub.client((await login(who)).accessToken),
    patients: { maria, james, aisha },
  };
}

/**
 * A fingerprint of every row of every table the application writes (people, audit, events): the
 * row count and a hash of the rows, per table. Compare two with `changedTables` to prove that a
 * failed operation wrote nothing.
 */
export async function fingerprint(database: Database): Promise<Record<string, string>> {
  const tables = await database.query<{ s: string; t: string }>(
    `select table_schema as s, table_name as t from information_schema.tables
     where table_schema in ('people', 'audit', 'events') and table_type = 'BASE TABLE' order by 1, 2`,
  );
  const result: Record<string, string> = {};
  for (const { s, t } of tables) {
    const [row] = await database.query<{ n: number; h: string }>(
      `select count(*)::int as n, coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as h from "${s}"."${t}" x`,
    );
    result[`${s}.${t}`] = `${row?.n}:${row?.h}`;
  }
  return result;
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]).sort();
}

/** Runs an operation and answers its result with the tables it changed. */
export async function tracked<T>(database: Database, run: () => Promise<T>): Promise<{ result: T; changed: string[] }> {
  const before = await fingerprint(database);
  const result = await run();
  return { result, changed: changedTables(before, await fingerprint(database)) };
}

/** The number of rows a table holds, e.g. `await rowCount(db, 'people.account')`. */
export async function rowCount(database: Database, table: string): Promise<number> {
  const [schemaName, tableName] = table.split('.');
  const [row] = await database.query<{ n: number }>(`select count(*)::int as n from "${schemaName}"."${tableName}"`);
  return row?.n ?? 0;
}

/** The error codes of a result, in order. */
export const codesOf = (result: GqlResult): string[] => result.errors.map((e) => String(e.extensions?.code));
