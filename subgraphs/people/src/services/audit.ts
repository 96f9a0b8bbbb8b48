import {
  auditEvent,
  badInput,
  type Context,
  decodeCursor,
  facilityScope,
  type Identity,
  inFacilityScope,
  type Page,
  pageSize,
  parseInput,
  requireCapability,
  toPage,
} from '@clinigraph/kit';
import { and, arrayContains, desc, eq, exists, gte, inArray, lt, lte, not, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { accountFacility, patientFacility } from '../db/schema.ts';
import { uuid } from './inputs.ts';
import { type AccountRow, accountById, facilitiesByAccount } from './loaders.ts';

export type AuditEventRow = typeof auditEvent.$inferSelect;

const filterSchema = z
  .object({
    patientId: uuid.nullish(),
    actorId: uuid.nullish(),
    entityType: z.string().trim().min(1).max(100).nullish(),
    entityId: z.string().trim().min(1).max(200).nullish(),
    action: z.string().trim().min(1).max(40).nullish(),
    service: z.string().trim().min(1).max(40).nullish(),
    from: z.date().nullish(),
    to: z.date().nullish(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'must not be before from' });

export type AuditFilter = z.input<typeof filterSchema>;

/**
 * The audit trail, newest first, for admins only (a confined admin, their facilities' part: auditScopeCondition). It reads the kit's append-only `audit.event`
 * table, which every subgraph writes; people is the one that exposes it.
 */
export async function searchAuditEvents(
  ctx: Context,
  args: { filter?: AuditFilter | null; first?: number | null; after?: string | null },
): Promise<Page<AuditEventRow>> {
  const admin = requireCapability(ctx, 'audit.read');
  const f = parseInput(filterSchema, args.filter ?? {});
  const first = pageSize(args.first, 50);
  const after = decodeCursor(args.after);
  const afterId = after ? cursorId(after) : null;
  const conditions: (SQL | undefined)[] = [
    f.patientId ? eq(auditEvent.patientId, f.patientId) : undefined,
    f.actorId ? eq(auditEvent.actorId, f.actorId) : undefined,
    f.entityType ? eq(auditEvent.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditEvent.entityId, f.entityId) : undefined,
    f.action ? eq(auditEvent.action, f.action.toLowerCase()) : undefined,
    f.service ? eq(auditEvent.service, f.service) : undefined,
    f.from ? gte(auditEvent.at, f.from) : undefined,
    f.to ? lte(auditEvent.at, f.to) : undefined,
    afterId !== null ? lt(auditEvent.id, afterId) : undefined,
    auditScopeCondition(admin),
  ];
  const rows = await ctx.db
    .select()
    .from(auditEvent)
    .where(and(...conditions))
    .orderBy(desc(auditEvent.id))
    .limit(first + 1);
  ctx.audit.record({
    action: 'search',
    entityType: 'AuditEvent',
    patientId: f.patientId ?? null,
    detail: { filter: serialisable(f), returned: Math.min(rows.length, first) },
  });
  return toPage(rows, first, (e) => [e.id.toString()]);
}

/**
 * What of the trail an admin confined to facilities reads: the rows about patients of their facilities,
 * the rows of what their facilities' staff did (wherever it was, break-the-glass included; a network admin's
 * work at other sites is not a site admin's to review, though it shows on their own patients), and the rows
 * about their facilities' accounts (sign-ins, lockouts, changes) and about their facilities themselves.
 * What other facilities' staff did to other facilities' patients stays out. Network admins read it all.
 */
export function auditScopeCondition(identity: Identity): SQL | undefined {
  const scope = facilityScope(identity);
  if (scope === null) return undefined;
  if (!scope.length) return sql`false`;
  const inScope = (column: typeof accountFacility.facilityId | typeof patientFacility.facilityId) => inArray(column, [...scope]);
  return or(
    exists(sql`(select 1 from ${patientFacility} where ${patientFacility.patientId} = ${auditEvent.patientId} and ${inScope(patientFacility.facilityId)})`),
    and(
      exists(sql`(select 1 from ${accountFacility} where ${accountFacility.accountId} = ${auditEvent.actorId} and ${inScope(accountFacility.facilityId)})`),
      not(arrayContains(auditEvent.actorRoles, ['network_admin'])),
    ),
    and(
      eq(auditEvent.entityType, 'Account'),
      exists(
        sql`(select 1 from ${accountFacility} where ${accountFacility.accountId}::text = ${auditEvent.entityId} and ${inScope(accountFacility.facilityId)})`,
      ),
    ),
    and(eq(auditEvent.entityType, 'Facility'), inArray(auditEvent.entityId, [...scope])),
  );
}

/**
 * The account that acted, as an audit row names it: to a confined admin only one of their facilities'
 * staff, or the patient acting on their own record (which the row's scope already let them see); else null.
 */
export async function auditActor(ctx: Context, row: AuditEventRow): Promise<AccountRow | null> {
  if (!row.actorId) return null;
  const actor = await accountById(ctx).load(row.actorId);
  if (!actor || facilityScope(ctx.identity) === null) return actor;
  if (actor.patientId && actor.patientId === row.patientId) return actor;
  const facilities = (await facilitiesByAccount(ctx).load(actor.id)) ?? [];
  return facilities.some((f) => inFacilityScope(ctx.identity, f.id)) ? actor : null;
}

function cursorId(cursor: (string | number)[]): bigint {
  const [id] = cursor;
  if (cursor.length !== 1 || typeof id !== 'string' || !/^\d{1,19}$/.test(id)) throw badInput('Invalid cursor');
  return BigInt(id);
}

function serialisable(f: z.output<typeof filterSchema>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
}
