import { type DbOrTx, invalidState, type Tx } from '@clinigraph/kit';
import { and, eq, gte, sql } from 'drizzle-orm';
import { creditEntry, patientCredit } from '../db/schema.ts';

type CreditKind = (typeof creditEntry.$inferInsert)['kind'];

interface CreditRefs {
  paymentId?: string | null;
  invoiceId?: string | null;
  creditNoteId?: string | null;
  refundId?: string | null;
  createdBy?: string | null;
}

/** Adds to a patient's credit (overpayment, deposit, credit note) and records why. */
export async function addCredit(tx: Tx, patientId: string, currency: string, amountMinor: number, kind: CreditKind, refs: CreditRefs): Promise<void> {
  if (amountMinor <= 0) return;
  await tx
    .insert(patientCredit)
    .values({ patientId, currency, balanceMinor: amountMinor })
    .onConflictDoUpdate({
      target: [patientCredit.patientId, patientCredit.currency],
      set: { balanceMinor: sql`${patientCredit.balanceMinor} + ${amountMinor}`, updatedAt: new Date() },
    });
  await tx.insert(creditEntry).values({ patientId, currency, kind, amountMinor, ...refs });
}

/**
 * Spends a patient's credit (applied to an invoice, refunded). The conditional UPDATE locks the row
 * and re-checks the balance after any wait, so two spends can never take the same credit.
 */
export async function takeCredit(tx: Tx, patientId: string, currency: string, amountMinor: number, kind: CreditKind, refs: CreditRefs): Promise<void> {
  const taken = await tx
    .update(patientCredit)
    .set({ balanceMinor: sql`${patientCredit.balanceMinor} - ${amountMinor}`, updatedAt: new Date() })
    .where(and(eq(patientCredit.patientId, patientId), eq(patientCredit.currency, currency), gte(patientCredit.balanceMinor, amountMinor)))
    .returning({ balance: patientCredit.balanceMinor });
  if (taken.length === 0) throw invalidState(`The patient has less than that in ${currency} credit`);
  await tx.insert(creditEntry).values({ patientId, currency, kind, amountMinor: -amountMinor, ...refs });
}

export async function creditBalance(tx: Tx, patientId: string, currency: string): Promise<number> {
  const [row] = await tx
    .select({ balance: patientCredit.balanceMinor })
    .from(patientCredit)
    .where(and(eq(patientCredit.patientId, patientId), eq(patientCredit.currency, currency)));
  return row?.balance ?? 0;
}

/** A patient's credit in every currency. */
export const creditBalances = (db: DbOrTx, patientId: string) => db.select().from(patientCredit).where(eq(patientCredit.patientId, patientId));
