import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { Block, Column, Handout } from './handout.ts';
import { localDate } from './local-time.ts';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const WIDTH = A4[0] - 2 * MARGIN;
const FOOT = 36;
const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.36, 0.4, 0.46);
const RULE = rgb(0.8, 0.83, 0.87);

/**
 * The standard PDF fonts encode WinAnsi (Latin-1 and a few more) only; a character outside it prints as '?'
 * rather than failing the whole document.
 */
function printable(font: PDFFont, text: string): string {
  let out = '';
  for (const ch of text) {
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      out += '?';
    }
  }
  return out;
}

function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of printable(font, text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

/** Lays text out top to bottom over as many A4 pages as it needs. */
class Layout {
  page: PDFPage;
  y = A4[1] - MARGIN;
  constructor(
    readonly doc: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = doc.addPage(A4);
  }

  /** Makes room for `height` points, starting a new page when this one is full; true when it did. */
  room(height: number): boolean {
    if (this.y - height >= MARGIN + FOOT) return false;
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
    return true;
  }

  text(text: string, { size = 10, strong = false, muted = false, x = MARGIN, width = WIDTH, gap = 3 } = {}): void {
    const font = strong ? this.bold : this.font;
    for (const line of wrap(font, size, text, width)) {
      this.room(size + gap);
      this.page.drawText(line, { x, y: this.y - size, size, font, color: muted ? MUTED : INK });
      this.y -= size + gap;
    }
  }

  rule(): void {
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + WIDTH, y: this.y }, thickness: 0.6, color: RULE });
  }

  /** One table row; cells wrap within their column and the row is as tall as its tallest cell. */
  row(columns: Column[], cells: string[], { strong = false, size = 9 } = {}): void {
    const font = strong ? this.bold : this.font;
    const wrapped = columns.map((c, i) => wrap(font, size, cells[i] ?? '', c.width * WIDTH - 6));
    const height = Math.max(...wrapped.map((w) => w.length)) * (size + 2) + 4;
    this.room(height);
    let x = MARGIN;
    columns.forEach((column, i) => {
      const width = column.width * WIDTH;
      (wrapped[i] ?? []).forEach((line, n) => {
        const lineWidth = font.widthOfTextAtSize(line, size);
        const at = column.align === 'right' ? x + width - 4 - lineWidth : x + 2;
        this.page.drawText(line, { x: at, y: this.y - size - n * (size + 2), size, font, color: INK });
      });
      x += width;
    });
    this.y -= height;
  }
}

function header(layout: Layout, handout: Handout): void {
  const { issuer, subject } = handout;
  layout.text(issuer.name, { size: 13, strong: true });
  const contact = [issuer.address, issuer.phone].filter(Boolean).join(' · ');
  if (contact) layout.text(contact, { size: 9, muted: true });
  if (issuer.registration) layout.text(issuer.registration, { size: 9, muted: true });
  layout.y -= 10;
  layout.rule();
  layout.y -= 14;
  layout.text(handout.title, { size: 17, strong: true, gap: 8 });
  if (subject) {
    const who = [subject.name, subject.mrn ? `MRN ${subject.mrn}` : null, subject.dateOfBirth ? `born ${localDate(subject.dateOfBirth)}` : null].filter(
      Boolean,
    );
    layout.text(`Patient: ${who.join(' · ')}`, { size: 10, strong: true, gap: 6 });
  }
  for (const [label, value] of handout.facts ?? []) facts(layout, label, value);
  layout.y -= 6;
}

function facts(layout: Layout, label: string, value: string): void {
  layout.room(13);
  const y = layout.y;
  layout.text(label, { size: 9, muted: true, width: 120 });
  const below = layout.y;
  layout.y = y;
  layout.text(value, { size: 9, x: MARGIN + 125, width: WIDTH - 125 });
  layout.y = Math.min(layout.y, below);
}

function block(layout: Layout, b: Block): void {
  switch (b.kind) {
    case 'heading':
      layout.y -= 8;
      layout.room(30);
      layout.text(b.text, { size: 11, strong: true, gap: 5 });
      return;
    case 'paragraph':
      layout.text(b.text, { size: 10, gap: 4 });
      layout.y -= 4;
      return;
    case 'facts':
      for (const [label, value] of b.rows) facts(layout, label, value);
      layout.y -= 4;
      return;
    case 'table': {
      const head = () => {
        layout.row(
          b.columns,
          b.columns.map((c) => c.header),
          { strong: true },
        );
        layout.rule();
        layout.y -= 2;
      };
      head();
      for (const cells of b.rows) {
        // A row that does not fit starts the next page, under the table's header again.
        if (layout.room(24)) head();
        layout.row(b.columns, cells);
      }
      layout.y -= 6;
      return;
    }
    case 'totals': {
      const columns: Column[] = [
        { header: '', width: 0.7, align: 'right' },
        { header: '', width: 0.3, align: 'right' },
      ];
      for (const [label, value, strong] of b.rows) layout.row(columns, [label, value], { strong: !!strong, size: 10 });
      layout.y -= 6;
      return;
    }
    case 'signature':
      layout.y -= 24;
      layout.room(40);
      layout.page.drawLine({ start: { x: MARGIN, y: layout.y }, end: { x: MARGIN + 200, y: layout.y }, thickness: 0.6, color: INK });
      layout.y -= 4;
      layout.text(b.role ? `${b.name}, ${b.role}` : b.name, { size: 9 });
      return;
  }
}

/** Renders a handout as an A4 PDF: letterhead, title, patient, facts, the blocks, and a footer with page numbers. */
export async function renderHandout(handout: Handout): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(handout.title);
  doc.setAuthor(handout.issuer.name);
  doc.setCreator('Clinigraph');
  doc.setProducer('Clinigraph');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const layout = new Layout(doc, font, bold);
  header(layout, handout);
  for (const b of handout.blocks) block(layout, b);
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const footer = printable(font, `${handout.footer} · Page ${i + 1} of ${pages.length}`);
    page.drawText(footer, { x: MARGIN, y: MARGIN - 14, size: 8, font, color: MUTED });
  });
  return doc.save();
}
