import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { formatMoney } from '../money.ts';
import type { CreditNoteRow, InvoiceLineRow, InvoiceRow, PaymentRow } from './loaders.ts';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;

/** Standard PDF fonts encode WinAnsi only: anything else prints as '?', never an exception. */
const printable = (text: string) => text.replace(/[^\x20-\x7E\xA0-\xFF]/g, '?');

/** Writes lines of text top to bottom, starting a new page when one fills. */
class Writer {
  private page: PDFPage;
  private y: number;
  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  text(value: string, opts: { size?: number; bold?: boolean; x?: number; gap?: number } = {}): void {
    const size = opts.size ?? 10;
    if (this.y < MARGIN + size) {
      this.page = this.doc.addPage(A4);
      this.y = A4[1] - MARGIN;
    }
    this.page.drawText(printable(value), { x: opts.x ?? MARGIN, y: this.y, size, font: opts.bold ? this.bold : this.font, color: rgb(0.1, 0.1, 0.1) });
    this.y -= size + (opts.gap ?? 4);
  }

  row(cells: [string, number][], opts: { bold?: boolean } = {}): void {
    const size = 9;
    if (this.y < MARGIN + size) {
      this.page = this.doc.addPage(A4);
      this.y = A4[1] - MARGIN;
    }
    for (const [value, x] of cells) this.page.drawText(printable(value), { x, y: this.y, size, font: opts.bold ? this.bold : this.font });
    this.y -= size + 5;
  }

  space(points = 8): void {
    this.y -= points;
  }
}

async function newDocument(title: string) {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setCreator('Clinigraph');
  doc.setProducer('Clinigraph finance');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  return { doc, writer: new Writer(doc, font, bold) };
}

const day = (d: Date | string | null) => (d ? (typeof d === 'string' ? d : d.toISOString().slice(0, 10)) : '—');

export interface InvoiceDocument {
  invoice: InvoiceRow;
  lines: InvoiceLineRow[];
  payments: PaymentRow[];
  creditNotes: CreditNoteRow[];
}

/** The invoice as a PDF: lines with discount and tax, totals, credit notes and payments. */
export async function invoicePdf({ invoice: inv, lines, payments, creditNotes }: InvoiceDocument): Promise<Uint8Array> {
  const money = (n: number) => formatMoney(n, inv.currency);
  const { doc, writer } = await newDocument(`Invoice ${inv.number}`);
  doc.setSubject(`Invoice ${inv.number} for patient ${inv.patientId}`);
  writer.text(`Invoice ${inv.number}`, { size: 18, bold: true, gap: 10 });
  writer.text(`Status: ${inv.status.replace('_', ' ')}`);
  writer.text(`Patient: ${inv.patientId}`);
  writer.text(`Issued: ${day(inv.issuedAt)}    Due: ${day(inv.dueDate)}`);
  writer.space();
  const cols = { desc: MARGIN, qty: 260, unit: 295, disc: 370, tax: 440, total: 490 };
  writer.row(
    [
      ['Description', cols.desc],
      ['Qty', cols.qty],
      ['Unit', cols.unit],
      ['Discount', cols.disc],
      ['Tax', cols.tax],
      ['Total', cols.total],
    ],
    { bold: true },
  );
  for (const l of lines) {
    writer.row([
      [`${l.code} ${l.description}`.slice(0, 45), cols.desc],
      [String(l.quantity), cols.qty],
      [money(l.unitPriceMinor), cols.unit],
      [l.discountMinor ? `-${money(l.discountMinor)}` : '', cols.disc],
      [money(l.taxMinor), cols.tax],
      [money(l.totalMinor), cols.total],
    ]);
    if (l.discountReason) writer.row([[`  discount ${l.discountBp / 100}%: ${l.discountReason}`.slice(0, 80), cols.desc]]);
  }
  writer.space();
  const totals: [string, number][] = [
    ['Subtotal', inv.subtotalMinor],
    ['Discount', -inv.discountMinor],
    ['Tax', inv.taxMinor],
    ['Total', inv.totalMinor],
    ['Credited', -inv.creditedMinor],
    ['Paid', -inv.paidMinor],
    ['Balance due', inv.totalMinor - inv.creditedMinor - inv.paidMinor],
  ];
  for (const [label, amount] of totals)
    writer.row(
      [
        [label, cols.tax - 60],
        [money(amount), cols.total],
      ],
      { bold: label === 'Balance due' },
    );
  if (inv.insuranceShareMinor)
    writer.row([
      ['Expected from insurance', cols.tax - 60],
      [money(inv.insuranceShareMinor), cols.total],
    ]);
  for (const n of creditNotes) writer.text(`Credit note ${n.number} (${day(n.createdAt)}): ${money(n.totalMinor)}, ${n.reason}`, { size: 9 });
  for (const p of payments) writer.text(`Payment ${p.number} (${day(p.createdAt)}), ${p.method}: ${money(p.tenderedMinor)}`, { size: 9 });
  return doc.save();
}

/** A receipt for one payment, saying what the invoice took and what went to credit. */
export async function receiptPdf(pay: PaymentRow, inv: InvoiceRow | null): Promise<Uint8Array> {
  const money = (n: number) => formatMoney(n, pay.currency);
  const { doc, writer } = await newDocument(`Receipt ${pay.number}`);
  writer.text(`Receipt ${pay.number}`, { size: 18, bold: true, gap: 10 });
  writer.text(`Date: ${pay.createdAt.toISOString().replace('T', ' ').slice(0, 16)} UTC`);
  writer.text(`Patient: ${pay.patientId}`);
  writer.text(`Method: ${pay.method}${pay.reference ? ` (ref. ${pay.reference})` : ''}`);
  writer.space();
  writer.text(`Received: ${money(pay.tenderedMinor)}`, { bold: true });
  writer.text(inv ? `Applied to invoice ${inv.number}: ${money(pay.appliedMinor)}` : 'Deposit on account');
  if (pay.creditMinor) writer.text(`Added to patient credit: ${money(pay.creditMinor)}`);
  if (inv) writer.text(`Invoice balance now: ${money(inv.totalMinor - inv.creditedMinor - inv.paidMinor)}`);
  return doc.save();
}
