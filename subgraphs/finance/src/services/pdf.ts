import { type Handout, localDate, localDateTime, renderHandout } from '@clinigraph/kit';
import { formatMoney } from '../money.ts';
import type { HandoutParties } from './handout-parties.ts';
import type { CreditNoteRow, InvoiceLineRow, InvoiceRow, PaymentRow } from './loaders.ts';

export interface InvoiceDocument {
  invoice: InvoiceRow;
  lines: InvoiceLineRow[];
  payments: PaymentRow[];
  creditNotes: CreditNoteRow[];
}

const STATUS: Record<string, string> = { draft: 'Draft', issued: 'Issued', partially_paid: 'Partly paid', paid: 'Paid', credited: 'Credited', void: 'Void' };
const METHOD: Record<string, string> = { cash: 'Cash', card: 'Card at the desk', insurance: 'Insurance', credit: 'Patient credit', online: 'Card online' };
const label = (table: Record<string, string>, value: string) => table[value] ?? value.replace(/_/g, ' ');

/** The invoice as a handout: letterhead, patient, each line with its service date and provider, totals, credit notes and payments. */
export function invoiceHandout({ invoice: inv, lines, payments, creditNotes }: InvoiceDocument, parties: HandoutParties): Handout {
  const money = (n: number) => formatMoney(n, inv.currency);
  const zone = parties.timeZone;
  const facts: [string, string][] = [
    ['Status', label(STATUS, inv.status)],
    ['Issued', inv.issuedAt ? localDateTime(inv.issuedAt, zone) : 'Not yet issued'],
  ];
  if (inv.dueDate) facts.push(['Due', localDate(inv.dueDate)]);
  if (inv.voidReason) facts.push(['Void because', inv.voidReason]);
  const totals: [string, string, boolean?][] = [
    ['Subtotal', money(inv.subtotalMinor)],
    ...(inv.discountMinor ? [['Discount', money(-inv.discountMinor)] as [string, string]] : []),
    ['Tax', money(inv.taxMinor)],
    ['Total', money(inv.totalMinor), true],
    ...(inv.creditedMinor ? [['Credited', money(-inv.creditedMinor)] as [string, string]] : []),
    ...(inv.paidMinor ? [['Paid', money(-inv.paidMinor)] as [string, string]] : []),
    ['Balance due', money(inv.totalMinor - inv.creditedMinor - inv.paidMinor), true],
  ];
  if (inv.insuranceShareMinor) totals.push(['Expected from insurance', money(inv.insuranceShareMinor)]);
  return {
    title: `Invoice ${inv.number}`,
    issuer: parties.issuer,
    subject: parties.subject,
    facts,
    blocks: [
      { kind: 'heading', text: 'Services' },
      {
        kind: 'table',
        columns: [
          { header: 'Date', width: 0.13 },
          { header: 'Service', width: 0.28 },
          { header: 'Provider', width: 0.17 },
          { header: 'Qty', width: 0.05, align: 'right' },
          { header: 'Unit', width: 0.12, align: 'right' },
          { header: 'Tax', width: 0.11, align: 'right' },
          { header: 'Total', width: 0.14, align: 'right' },
        ],
        rows: lines.map((l) => [
          localDate(l.serviceDate),
          `${l.code} ${l.description}${l.discountMinor ? ` (discount ${l.discountBp / 100}%: ${l.discountReason ?? ''}, ${money(-l.discountMinor)})` : ''}`,
          l.providerId ? (parties.providers.get(l.providerId) ?? '') : '',
          String(l.quantity),
          money(l.unitPriceMinor),
          money(l.taxMinor),
          money(l.totalMinor),
        ]),
      },
      { kind: 'totals', rows: totals },
      ...(creditNotes.length
        ? [
            { kind: 'heading' as const, text: 'Credit notes' },
            ...creditNotes.map((n) => ({
              kind: 'paragraph' as const,
              text: `${n.number} · ${localDateTime(n.createdAt, zone)} · ${money(n.totalMinor)} · ${n.reason}`,
            })),
          ]
        : []),
      ...(payments.length
        ? [
            { kind: 'heading' as const, text: 'Payments' },
            ...payments.map((p) => ({
              kind: 'paragraph' as const,
              text: `Receipt ${p.number} · ${localDateTime(p.createdAt, zone)} · ${label(METHOD, p.method)} · ${money(p.tenderedMinor)}`,
            })),
          ]
        : []),
    ],
    footer: `${parties.issuer.name} · Invoice ${inv.number}`,
  };
}

/** A receipt for one payment: what the invoice took and what went to credit. */
export function receiptHandout(pay: PaymentRow, inv: InvoiceRow | null, parties: HandoutParties): Handout {
  const money = (n: number) => formatMoney(n, pay.currency);
  const facts: [string, string][] = [
    ['Received', localDateTime(pay.createdAt, parties.timeZone)],
    ['Method', `${label(METHOD, pay.method)}${pay.reference ? ` (ref. ${pay.reference})` : ''}`],
  ];
  const totals: [string, string, boolean?][] = [['Amount received', money(pay.tenderedMinor), true]];
  totals.push(inv ? [`Applied to invoice ${inv.number}`, money(pay.appliedMinor)] : ['Deposit on account', money(pay.tenderedMinor)]);
  if (pay.creditMinor) totals.push(['Added to patient credit', money(pay.creditMinor)]);
  if (inv) totals.push(['Invoice balance now', money(inv.totalMinor - inv.creditedMinor - inv.paidMinor), true]);
  return {
    title: `Receipt ${pay.number}`,
    issuer: parties.issuer,
    subject: parties.subject,
    facts,
    blocks: [{ kind: 'totals', rows: totals }],
    footer: `${parties.issuer.name} · Receipt ${pay.number}`,
  };
}

export const invoicePdf = (doc: InvoiceDocument, parties: HandoutParties) => renderHandout(invoiceHandout(doc, parties));
export const receiptPdf = (pay: PaymentRow, inv: InvoiceRow | null, parties: HandoutParties) => renderHandout(receiptHandout(pay, inv, parties));
