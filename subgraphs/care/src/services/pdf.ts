import { PDFDocument, type PDFFont, rgb, StandardFonts } from 'pdf-lib';

export interface PdfSection {
  heading?: string;
  lines: string[];
}

export interface PdfFile {
  filename: string;
  contentType: 'application/pdf';
  contentBase64: string;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;

/** The standard fonts encode WinAnsi only: anything else prints as '?' instead of failing. */
function printable(font: PDFFont, text: string): string {
  return [...text]
    .map((ch) => {
      try {
        font.encodeText(ch);
        return ch;
      } catch {
        return '?';
      }
    })
    .join('');
}

function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
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

/** A plain, printable A4 document: clinic header, title, sections of wrapped text, footer. */
export async function renderPdf(title: string, header: string, sections: PdfSection[], footer: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setProducer('Clinigraph');
  doc.setCreationDate(new Date());
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const width = A4[0] - 2 * MARGIN;
  let page = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const write = (text: string, f: PDFFont, size: number, gap = 4) => {
    const indent = /^\s+/.test(text) ? 16 : 0;
    for (const line of wrap(f, size, printable(f, text.trim()), width - indent)) {
      if (y < MARGIN + size) {
        page = doc.addPage(A4);
        y = A4[1] - MARGIN;
      }
      page.drawText(line, { x: MARGIN + indent, y, size, font: f, color: rgb(0.1, 0.1, 0.1) });
      y -= size + gap;
    }
  };
  write(header, font, 9);
  y -= 8;
  write(title, bold, 16, 10);
  for (const section of sections) {
    y -= 6;
    if (section.heading) write(section.heading, bold, 11);
    for (const line of section.lines) write(line, font, 10);
  }
  y -= 16;
  write(footer, font, 8);
  return doc.save();
}

export const pdfFile = (filename: string, bytes: Uint8Array): PdfFile => ({
  filename,
  contentType: 'application/pdf',
  contentBase64: Buffer.from(bytes).toString('base64'),
});
