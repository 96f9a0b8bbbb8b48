import { type Context, decodeCursor, defineLoader, type Page, pageSize, toPage } from '@clinigraph/kit';
import { and, asc, desc, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { invoice } from '../db/schema.ts';
import { facilitiesOf, inScope } from './access.ts';
import type { InvoiceRow } from './loaders.ts';

/** What a caller may ask of an invoice list, as the GraphQL arguments give it. */
export interface InvoiceListArgs {
  status?: InvoiceRow['status'] | null;
  first?: number | null;
  after?: string | null;
}

/** One list's filter once validated: the same for a whole batch of patients. */
interface ListFilter {
  status: InvoiceRow['status'] | null;
  first: number;
  after: (string | number)[] | null;
}

const filterOf = (args: InvoiceListArgs): ListFilter => ({ status: args.status ?? null, first: pageSize(args.first), after: decodeCursor(args.after) });

/** Newest first, with (createdAt, id) as the cursor. */
const order = [desc(invoice.createdAt), desc(invoice.id)];
const cursorOf = (i: InvoiceRow) => [i.createdAt.toISOString(), i.id];

/** The filter's conditions, and the caller's facilities: another facility's invoices are not in any list. */
function conditions(ctx: Context, filter: ListFilter): (SQL | undefined)[] {
  const { status, after } = filter;
  return [
    inScope(facilitiesOf(ctx), invoice.facilityId),
    status ? eq(invoice.status, status) : undefined,
    after ? sql`(${invoice.createdAt}, ${invoice.id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)` : undefined,
  ];
}

function auditPage(ctx: Context, patientId: string | null, filter: ListFilter, page: Page<InvoiceRow>): Page<InvoiceRow> {
  ctx.audit.record({ action: 'search', entityType: 'Invoice', patientId, detail: { status: filter.status, returned: page.edges.length } });
  for (const { node } of page.edges) ctx.audit.record({ action: 'read', entityType: 'Invoice', entityId: node.id, patientId: node.patientId });
  return page;
}

/** One page of invoices at the caller's facilities, everyone's or one patient's, newest first; audited. */
export async function listInvoices(ctx: Context, patientId: string | null, args: InvoiceListArgs): Promise<Page<InvoiceRow>> {
  const filter = filterOf(args);
  const rows = await ctx.db
    .select()
    .from(invoice)
    .where(and(patientId ? eq(invoice.patientId, patientId) : undefined, ...conditions(ctx, filter)))
    .orderBy(...order)
    .limit(filter.first + 1);
  return auditPage(ctx, patientId, filter, toPage(rows, filter.first, cursorOf));
}

type PageKey = ListFilter & { patientId: string };

function listAt<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}

/**
 * The first page of each patient's invoices, for every patient a request shows (a day board's
 * `Patient.invoices`): one query per distinct filter, not one per patient. Each patient's page is cut
 * with row_number() over that patient's invoices in list order, so it equals listInvoices' page.
 */
const pagesByPatient = defineLoader<Context, PageKey, InvoiceRow[]>(async (ctx, keys) => {
  const groupOf = (k: ListFilter) => JSON.stringify([k.status, k.first, k.after]);
  const groups = new Map<string, PageKey[]>();
  for (const key of keys) listAt(groups, groupOf(key)).push(key);
  const found = new Map<string, InvoiceRow[]>();
  await Promise.all(
    [...groups.entries()].map(async ([group, batch]) => {
      const filter = batch[0]!;
      const ranked = ctx.db
        .select({
          id: invoice.id,
          rank: sql<number>`row_number() over (partition by ${invoice.patientId} order by ${invoice.createdAt} desc, ${invoice.id} desc)`.as('rank'),
        })
        .from(invoice)
        .where(
          and(
            inArray(
              invoice.patientId,
              batch.map((k) => k.patientId),
            ),
            ...conditions(ctx, filter),
          ),
        )
        .as('ranked');
      const rows = await ctx.db
        .select({ invoice })
        .from(invoice)
        .innerJoin(ranked, eq(ranked.id, invoice.id))
        .where(lte(ranked.rank, filter.first + 1))
        .orderBy(asc(invoice.patientId), ...order);
      for (const { invoice: row } of rows) listAt(found, `${group}|${row.patientId}`).push(row);
    }),
  );
  return keys.map((k) => found.get(`${groupOf(k)}|${k.patientId}`) ?? []);
});

/** One patient's page of invoices, batched with every other patient's in the same request; audited. */
export async function patientInvoices(ctx: Context, patientId: string, args: InvoiceListArgs): Promise<Page<InvoiceRow>> {
  const filter = filterOf(args);
  const rows = (await pagesByPatient(ctx).load({ patientId, ...filter })) ?? [];
  return auditPage(ctx, patientId, filter, toPage(rows, filter.first, cursorOf));
}
