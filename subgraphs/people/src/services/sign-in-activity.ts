import { auditEvent, badInput, type Context, decodeCursor, facilityScope, type Page, pageSize, parseInput, requireCapability, toPage } from '@clinigraph/kit';
import { and, desc, eq, exists, inArray, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { accountFacility } from '../db/schema.ts';
import { uuid } from './inputs.ts';
import { type SignInAction, SignInActions } from './session-list.ts';

export type SignInActivityRow = Pick<typeof auditEvent.$inferSelect, 'id' | 'at' | 'action' | 'ip' | 'entityId' | 'detail'>;

const filterSchema = z.object({
  outcome: z.enum(SignInActions).nullish(),
  accountId: uuid.nullish(),
});

export type SignInActivityFilter = { outcome?: SignInAction | null; accountId?: string | null };

/**
 * Sign-in activity across accounts for admins (session.manage), newest first: sign-ins, refused ones,
 * lockouts and wrong two-step codes, as the audit trail holds them (each names the account, when the
 * e-mail matched one). An admin of some facilities sees their facilities' accounts; a network admin
 * sees every account, and the attempts on e-mails that match none.
 */
export async function signInActivity(
  ctx: Context,
  args: { filter?: SignInActivityFilter | null; first?: number | null; after?: string | null },
): Promise<Page<SignInActivityRow>> {
  const identity = requireCapability(ctx, 'session.manage');
  const f = parseInput(filterSchema, args.filter ?? {});
  const first = pageSize(args.first, 50);
  const after = decodeCursor(args.after);
  if (after && (after.length !== 1 || typeof after[0] !== 'string' || !/^\d{1,19}$/.test(after[0]))) throw badInput('Invalid cursor');
  const scope = facilityScope(identity);
  const rows = await ctx.db
    .select({ id: auditEvent.id, at: auditEvent.at, action: auditEvent.action, ip: auditEvent.ip, entityId: auditEvent.entityId, detail: auditEvent.detail })
    .from(auditEvent)
    .where(
      and(
        eq(auditEvent.entityType, 'Account'),
        f.outcome ? eq(auditEvent.action, f.outcome) : inArray(auditEvent.action, [...SignInActions]),
        f.accountId ? eq(auditEvent.entityId, f.accountId) : undefined,
        scope === null
          ? undefined
          : scope.length === 0
            ? sql`false`
            : exists(
                sql`(select 1 from ${accountFacility} where ${accountFacility.accountId}::text = ${auditEvent.entityId} and ${inArray(accountFacility.facilityId, [...scope])})`,
              ),
        after ? lt(auditEvent.id, BigInt(after[0] as string)) : undefined,
      ),
    )
    .orderBy(desc(auditEvent.id))
    .limit(first + 1);
  ctx.audit.record({ action: 'search', entityType: 'SignInActivity', detail: { outcome: f.outcome ?? null, accountId: f.accountId ?? null } });
  return toPage(rows, first, (e) => [e.id.toString()]);
}
