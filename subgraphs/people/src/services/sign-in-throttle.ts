import { type Context, type DbOrTx, tooManyRequests } from '@clinigraph/kit';
import { and, count, eq, gt, isNull, max, type SQL, sql } from 'drizzle-orm';
import { loginFailure } from '../db/schema.ts';

/**
 * Sign-in throttling: progressive delays, never a lockout anyone can cause. Failed guesses (people.login_failure)
 * are counted over a window in three scopes. Past a scope's free failures, each further attempt must wait a
 * delay that doubles with every failure, up to a ceiling; once the delay has passed, the right password
 * signs in. The tight scope is the (address, e-mail) pair, so guesses from one address slow that address
 * only, and a doctor signing in from elsewhere is not held up. The e-mail scope (all addresses) and the
 * address scope (all e-mails) catch guessing spread over many addresses or many accounts, with a short
 * ceiling on the e-mail scope so that a distributed attacker can only delay the real user, not lock them out.
 */
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

interface Rule {
  scope: 'pair' | 'email' | 'ip';
  /** Failures within the window before any delay. */
  free: number;
  /** The delay after the first failure past the free ones; doubled with each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const SIGN_IN_RULES: readonly Rule[] = [
  { scope: 'pair', free: 5, baseDelayMs: 30_000, maxDelayMs: FAILURE_WINDOW_MS },
  { scope: 'email', free: 20, baseDelayMs: 5_000, maxDelayMs: 60_000 },
  { scope: 'ip', free: 30, baseDelayMs: 30_000, maxDelayMs: FAILURE_WINDOW_MS },
];

const delayAfter = (rule: Rule, failures: number): number =>
  failures < rule.free ? 0 : Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** Math.min(failures - rule.free, 30));

function scopeFilter(rule: Rule, key: string, ip: string | null): SQL | undefined {
  const byIp = ip === null ? isNull(loginFailure.ip) : eq(loginFailure.ip, ip);
  if (rule.scope === 'pair') return and(eq(loginFailure.emailKey, key), byIp);
  if (rule.scope === 'email') return eq(loginFailure.emailKey, key);
  return ip === null ? undefined : byIp;
}

/** The milliseconds the caller must still wait before trying `key` again from their address; 0 when they may try now. */
async function waitMs(db: DbOrTx, key: string, ip: string | null, now: number): Promise<number> {
  let wait = 0;
  for (const rule of SIGN_IN_RULES) {
    const filter = scopeFilter(rule, key, ip);
    if (!filter) continue;
    const [row] = await db
      .select({ n: count(), latest: max(loginFailure.at) })
      .from(loginFailure)
      .where(and(filter, gt(loginFailure.at, new Date(now - FAILURE_WINDOW_MS))));
    const delay = delayAfter(rule, row?.n ?? 0);
    if (delay && row?.latest) wait = Math.max(wait, row.latest.getTime() + delay - now);
  }
  return wait;
}

const refusal = (waitFor: number) => {
  const seconds = Math.max(1, Math.ceil(waitFor / 1000));
  return tooManyRequests(`Too many failed sign-ins; try again in ${seconds} second${seconds === 1 ? '' : 's'}`, seconds);
};

/** Refuses (TOO_MANY_REQUESTS, with retryAfterSeconds) while the caller must wait; for steps that count their own failures. */
export async function assertSignInAllowed(ctx: Context, key: string): Promise<void> {
  const wait = await waitMs(ctx.db, key, ctx.ip, Date.now());
  if (wait > 0) throw refusal(wait);
}

/**
 * Claims one guess at `key`, counted before the password is checked: a failure row is written at once, in a
 * transaction that holds advisory locks on the e-mail and the address, so concurrent guesses are counted
 * one after another and exactly the allowed number are checked. Returns the row's id; a sign-in that
 * succeeds removes it with `forgiveSignInAttempt`.
 */
export async function claimSignInAttempt(ctx: Context, key: string): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    for (const lock of [`sign-in:email:${key}`, `sign-in:ip:${ctx.ip ?? ''}`].sort()) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${lock}, 0))`);
    }
    const now = Date.now();
    const wait = await waitMs(tx, key, ctx.ip, now);
    if (wait > 0) throw refusal(wait);
    const [row] = await tx
      .insert(loginFailure)
      .values({ emailKey: key, ip: ctx.ip, at: new Date(now) })
      .returning({ id: loginFailure.id });
    return row!.id;
  });
}

/** The guess was right: it is not a failure. */
export async function forgiveSignInAttempt(db: DbOrTx, attemptId: string): Promise<void> {
  await db.delete(loginFailure).where(eq(loginFailure.id, attemptId));
}
