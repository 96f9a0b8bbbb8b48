import { auditEvent, badInput, type Context, decodeCursor, type Page, pageSize, parseInput, requireCapability, toPage } from '@clinigraph/kit';
import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { uuid } from './inputs.ts';

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
 * The audit trail, newest first, for admins only. It reads the kit's append-only `audit.event`
 * table, which every subgraph writes; people is the one that exposes it.
 */
export async function searchAuditEvents(
  ctx: Context,
  args: { filter?: AuditFilter | null; first?: number | null; after?: string | null },
): Promise<Page<AuditEventRow>> {
  requireCapability(ctx, 'audit.read');
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

function cursorId(cursor: (string | number)[]): bigint {
  const [id] = cursor;
  if (cursor.length !== 1 || typeof id !== 'string' || !/^\d{1,19}$/.test(id)) throw badInput('Invalid cursor');
  return BigInt(id);
}

function serialisable(f: z.output<typeof filterSchema>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
}
