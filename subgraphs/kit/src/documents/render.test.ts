import { describe, expect, it } from 'vitest';
import { pdfText } from '../testing/pdf.ts';
import type { Handout } from './handout.ts';
import { renderHandout } from './render.ts';

const invoiceLike = (rows: number): Handout => ({
  title: 'Invoice INV-000042',
  issuer: { name: 'Riverside Clinic', address: '12 River Road, Springfield', phone: '+1 555 0100', registration: 'Tax no. US-99-1234567' },
  subject: { name: 'Aisha Khan', mrn: 'CG01000033', dateOfBirth: '1999-07-21' },
  facts: [
    ['Issued', '1 Dec 2026, 09:40 EST'],
    ['Due', '31 Dec 2026'],
  ],
  blocks: [
    { kind: 'heading', text: 'Services' },
    {
      kind: 'table',
      columns: [
        { header: 'Date', width: 0.16 },
        { header: 'Service', width: 0.44 },
        { header: 'Provider', width: 0.2 },
        { header: 'Total', width: 0.2, align: 'right' },
      ],
      rows: Array.from({ length: rows }, (_, i) => ['30 Nov 2026', `Line ${i + 1} — consultation`, 'Dr. Amara Okafor', '$10.00']),
    },
    { kind: 'totals', rows: [['Balance due', '$120.00', true]] },
  ],
  footer: 'Riverside Clinic · Invoice INV-000042',
});

describe('a handout rendered as PDF', () => {
  it('carries the letterhead, the patient by name, MRN and date of birth, the facts and every line', async () => {
    const [page] = await pdfText(await renderHandout(invoiceLike(3)));
    expect(page).toContain('Riverside Clinic');
    expect(page).toContain('12 River Road, Springfield · +1 555 0100');
    expect(page).toContain('Tax no. US-99-1234567');
    expect(page).toContain('Patient: Aisha Khan · MRN CG01000033 · born 21 Jul 1999');
    expect(page).toContain('1 Dec 2026, 09:40 EST');
    expect(page).toContain('Line 3 — consultation');
    expect(page).toContain('Dr. Amara Okafor');
    expect(page).toContain('Balance due');
    expect(page).toContain('Page 1 of 1');
  });

  it('runs a long table over pages, repeating its header, and numbers every page', async () => {
    const pages = await pdfText(await renderHandout(invoiceLike(120)));
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, page] of pages.entries()) expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    expect(pages[1]).toContain('Provider');
    expect(pages.join('\n')).toContain('Line 120 — consultation');
  });

  it('prints a character the PDF fonts cannot encode as ? instead of failing', async () => {
    const [page] = await pdfText(await renderHandout({ ...invoiceLike(1), subject: { name: 'Zhang Wei 张伟' } }));
    expect(page).toContain('Patient: Zhang Wei ??');
  });
});
