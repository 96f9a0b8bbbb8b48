import {
  AppError,
  type Context,
  type EntitiesAnswer,
  ErrorCode,
  type FieldIssue,
  fetchEntities,
  invalidState,
  notFound,
  serviceUrl,
  type Tx,
  unauthenticated,
} from '@clinigraph/kit';
import { and, eq, sql } from 'drizzle-orm';
import { stockMovement } from '../db/schema.ts';

/**
 * What a dispense may take from a prescription. Care owns prescriptions: supply reads the one named
 * through care's `_entities` as the caller (care authorises and audits the read), takes the patient,
 * the visit and the status from it, and never from the client.
 */

export type PrescriptionStatus = 'DRAFT' | 'FINALISED' | 'PARTLY_DISPENSED' | 'DISPENSED' | 'CANCELLED';

/** A prescription as care says it is now. */
export interface CarePrescription {
  id: string;
  status: PrescriptionStatus;
  validUntil: string;
  patient: { id: string };
  encounter: { id: string };
  items: { id: string; item: { id: string }; medicineName: string; quantity: number; dispensedQuantity: number }[];
}

const SELECTION = 'id status validUntil patient { id } encounter { id } items { id item { id } medicineName quantity dispensedQuantity }';

const careUnavailable = () =>
  new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The prescription could not be checked: the care service did not answer. Nothing was dispensed; try again.', {
    service: 'care',
  });

/** Care's answers that mean the same to the caller here; anything else but NOT_FOUND is care failing. */
const passedOn = new Set<string>([ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN]);

/** The prescription from care, as the caller. Fails closed: no answer from care, no dispense. */
export async function prescriptionFromCare(ctx: Context, id: string): Promise<CarePrescription> {
  if (!ctx.token) throw unauthenticated();
  let answer: EntitiesAnswer<CarePrescription>;
  try {
    answer = await fetchEntities<CarePrescription>(serviceUrl('care'), ctx.token, 'Prescription', [id], SELECTION, {
      requestId: ctx.requestId,
      call: { from: ctx.service, to: 'care', ip: ctx.ip },
    });
  } catch (err) {
    ctx.log.warn({ err, service: 'care' }, 'prescription read failed');
    throw careUnavailable();
  }
  const codes = answer.errors.map((e) => e.extensions?.code ?? 'NONE');
  const refusal = answer.errors.find((e) => passedOn.has(e.extensions?.code ?? ''));
  if (refusal) throw new AppError(refusal.extensions!.code as ErrorCode, refusal.message);
  if (codes.some((c) => c !== ErrorCode.NOT_FOUND) || !answer.entities) {
    ctx.log.warn({ service: 'care', status: answer.status, codes }, 'prescription read returned errors');
    throw careUnavailable();
  }
  const [prescription] = answer.entities;
  if (!prescription) throw notFound('Prescription');
  return prescription;
}

export interface RequestedLine {
  itemId: string;
  quantity: number;
  prescriptionItemId?: string | null;
}

/** A requested line tied to the prescription line it fills. */
export interface MatchedLine {
  itemId: string;
  quantity: number;
  prescriptionItemId: string;
}

const dispensable = new Set<PrescriptionStatus>(['FINALISED', 'PARTLY_DISPENSED']);
const why: Record<PrescriptionStatus, string> = {
  DRAFT: 'is still a draft: the prescriber has not finalised it',
  FINALISED: '',
  PARTLY_DISPENSED: '',
  DISPENSED: 'has been dispensed in full',
  CANCELLED: 'was cancelled',
};

/**
 * Checks the prescription may be dispensed today and ties each requested line to a line of it:
 * INVALID_STATE for a draft, cancelled, fully dispensed or expired prescription; BAD_USER_INPUT naming
 * each line that is not on it (a line id of another prescription, or another medicine than it prescribes).
 */
export function matchLines(rx: CarePrescription, today: string, lines: readonly RequestedLine[]): MatchedLine[] {
  if (!dispensable.has(rx.status))
    throw invalidState(`This prescription ${why[rx.status]}; it cannot be dispensed.`, { rule: 'PRESCRIPTION_NOT_DISPENSABLE', status: rx.status });
  if (rx.validUntil < today)
    throw invalidState(`This prescription expired on ${rx.validUntil}; it cannot be dispensed. Ask the prescriber to renew it.`, {
      rule: 'PRESCRIPTION_EXPIRED',
      validUntil: rx.validUntil,
    });
  const issues: FieldIssue[] = [];
  const matched = lines.map((line, i) => {
    const named = line.prescriptionItemId ? rx.items.find((p) => p.id === line.prescriptionItemId) : undefined;
    if (line.prescriptionItemId && !named) {
      issues.push({ path: `lines.${i}.prescriptionItemId`, message: `Line ${i + 1} names a line that is not on this prescription` });
    } else if (named && named.item.id !== line.itemId) {
      issues.push({ path: `lines.${i}.itemId`, message: `Line ${i + 1} gives another medicine than ${named.medicineName}, which that line prescribes` });
    }
    const target =
      named ?? rx.items.find((p) => p.item.id === line.itemId && p.dispensedQuantity < p.quantity) ?? rx.items.find((p) => p.item.id === line.itemId);
    if (!target && !line.prescriptionItemId)
      issues.push({ path: `lines.${i}.itemId`, message: `Line ${i + 1} gives a medicine that is not on this prescription` });
    return { itemId: line.itemId, quantity: line.quantity, prescriptionItemId: target?.id ?? '' };
  });
  if (issues.length) throw new AppError(ErrorCode.BAD_USER_INPUT, issues.map((x) => x.message).join('. '), { issues });
  return matched;
}

/**
 * Serialises dispenses of one prescription (taken before the stock-level locks, so never in a cycle
 * with them): the stock-level lock alone would not, for the same medicine given in two facilities.
 * A transaction-scoped advisory lock because supply keeps no row of its own per prescription.
 */
export async function lockPrescription(tx: Tx, prescriptionId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('supply.dispense'), hashtext(${prescriptionId}))`);
}

/** Units of each item dispensed against the prescription so far, by supply's own ledger (current, unlike care's count). */
export async function dispensedSoFar(tx: Tx, prescriptionId: string): Promise<Map<string, number>> {
  const rows = await tx
    .select({ itemId: stockMovement.itemId, given: sql<number>`-sum(${stockMovement.quantity})::int` })
    .from(stockMovement)
    .where(and(eq(stockMovement.referenceType, 'prescription'), eq(stockMovement.referenceId, prescriptionId), eq(stockMovement.kind, 'dispense')))
    .groupBy(stockMovement.itemId);
  return new Map(rows.map((r) => [r.itemId, Number(r.given)]));
}

/**
 * Refuses more than prescribed, per medicine, counting what was dispensed before: the larger of
 * supply's ledger and care's count (care's lags the ledger until it has consumed stock.dispensed).
 */
export function assertWithinPrescribed(rx: CarePrescription, lines: readonly MatchedLine[], ledger: Map<string, number>): void {
  const asked = new Map<string, { quantity: number; first: number }>();
  lines.forEach((l, i) => {
    asked.set(l.itemId, { quantity: (asked.get(l.itemId)?.quantity ?? 0) + l.quantity, first: asked.get(l.itemId)?.first ?? i });
  });
  for (const [itemId, { quantity, first }] of asked) {
    const onRx = rx.items.filter((p) => p.item.id === itemId);
    const prescribed = onRx.reduce((s, p) => s + p.quantity, 0);
    const before = Math.max(
      ledger.get(itemId) ?? 0,
      onRx.reduce((s, p) => s + p.dispensedQuantity, 0),
    );
    const remaining = Math.max(0, prescribed - before);
    if (quantity <= remaining) continue;
    const message = `Line ${first + 1}: ${quantity} of ${onRx[0]!.medicineName} is more than prescribed; ${remaining} of ${prescribed} left (${before} dispensed before)`;
    throw new AppError(ErrorCode.BAD_USER_INPUT, `${message}.`, {
      rule: 'MORE_THAN_PRESCRIBED',
      itemId,
      prescribed,
      dispensed: before,
      remaining,
      issues: [{ path: `lines.${first}.quantity`, message }],
    });
  }
}
