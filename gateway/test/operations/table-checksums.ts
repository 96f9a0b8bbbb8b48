import type { Database } from '@clinigraph/kit';

/** Every base table outside PostgreSQL's own schemas, with its row count and an md5 of its rows in a stable order. */
export async function tableChecksums(database: Database): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await database.query<{ name: string }>(
    `select format('%I.%I', table_schema, table_name) as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1`,
  );
  const sums: Record<string, { rows: number; md5: string }> = {};
  for (const { name } of tables) {
    const [row] = await database.query<{ rows: number; md5: string }>(
      `select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5 from ${name} t`,
    );
    sums[name] = row!;
  }
  return sums;
}
