import type { Context } from '@clinigraph/kit';
import { type Handout, localDate, localDateTime } from '@clinigraph/kit';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { invoice } from '../db/schema.ts';
import { formatMoney } from '../money.ts';
import { facilitiesOf, inScope } from './access.ts';
import type { HandoutParties } from './handout-parties.ts';
import type { PatientStatement } from './statement.ts';

/** The facility a patient's statement comes from: where they were last invoiced (of the caller's facilities). */
export async function statementFacility(ctx: Context, patientId: string): Promise<string | null> {
  const [latest] = await ctx.db
    .select({ facilityId: invoice.facilityId })
    .from(invoice)
    .where(and(eq(invoice.patientId, patientId), isNotNull(invoice.facilityId), inScope(facilitiesOf(ctx), invoice.facilityId)))
    .orderBy(desc(invoice.createdAt))
    .limit(1);
  return latest?.facilityId ?? null;
}

const KIND: Record<string, string> = { invoice: 'Invoice', credit_note: 'Credit note', payment: 'Payment', refund: 'Refund' };

/** A statement of account as a handout: every entry with its running balance, then what is owed and held in credit. */
export function statementHandout(s: PatientStatement, parties: HandoutParties, now = new Date()): Handout {
  const money = (n: number) => formatMoney(n, s.currency);
  const zone = parties.timeZone;
  const period = s.from || s.to ? `${s.from ? localDate(s.from, zone) : 'the start'} – ${s.to ? localDate(s.to, zone) : localDate(now, zone)}` : 'All time';
  return {
    title: `Statement of account (${s.currency})`,
    issuer: parties.issuer,
    subject: parties.subject,
    facts: [
      ['Period', period],
      ['Printed', localDateTime(now, zone)],
    ],
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: 'Date', width: 0.16 },
          { header: 'Entry', width: 0.2 },
          { header: 'Description', width: 0.32 },
          { header: 'Amount', width: 0.16, align: 'right' },
          { header: 'Balance', width: 0.16, align: 'right' },
        ],
        rows: [
          ['', '', 'Opening balance', '', money(s.openingBalanceMinor)],
          ...s.entries.map((e) => [
            localDate(e.at, zone),
            `${KIND[e.kind] ?? e.kind} ${e.reference}`,
            e.description,
            money(e.amountMinor),
            money(e.balanceMinor),
          ]),
        ],
      },
      {
        kind: 'totals',
        rows: [
          ['Closing balance', money(s.closingBalanceMinor), true],
          ['Owed on open invoices', money(s.outstandingMinor)],
          ['Of which expected from insurance', money(s.insurancePendingMinor)],
          ['Credit held for you', money(s.creditMinor)],
        ],
      },
    ],
    footer: `${parties.issuer.name} · Statement for ${parties.subject.name}`,
  };
}
