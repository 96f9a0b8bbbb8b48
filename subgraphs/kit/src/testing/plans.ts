import type { Database } from '../db/connect.ts';

/** One node of EXPLAIN (FORMAT JSON, VERBOSE). */
interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Schema?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

export interface PlanSummary {
  /** The tables read by a sequential scan, as schema.table. */
  seqScans: string[];
  /** The indexes read, in plan order. */
  indexes: string[];
}

const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

/** How PostgreSQL would run one statement with these parameters (EXPLAIN, not run): its sequential scans and the indexes it uses. */
export async function planOf(database: Database, sqlText: string, params: unknown[] = []): Promise<PlanSummary> {
  const [row] = await database.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] | string }>(`explain (format json, verbose) ${sqlText}`, params);
  const plan = row!['QUERY PLAN'];
  const all = nodes((typeof plan === 'string' ? JSON.parse(plan) : plan)[0].Plan as PlanNode);
  return {
    seqScans: all.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => `${n.Schema ?? '?'}.${n['Relation Name'] ?? '?'}`),
    indexes: all.flatMap((n) => (n['Index Name'] ? [n['Index Name']] : [])),
  };
}
