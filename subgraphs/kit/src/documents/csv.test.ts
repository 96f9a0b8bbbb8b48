import { describe, expect, it } from 'vitest';
import { spreadsheetSafe, toCsv } from './csv.ts';

describe('CSV exports', () => {
  it('turn a cell a spreadsheet would evaluate into text', () => {
    for (const attack of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(spreadsheetSafe(attack)).toBe(`'${attack}`);
  });

  it('leave ordinary text and numbers, negative ones included, as they are', () => {
    expect(spreadsheetSafe('Dr. Amara Okafor')).toBe('Dr. Amara Okafor');
    expect(spreadsheetSafe('-12.50')).toBe('-12.50');
    expect(spreadsheetSafe(7)).toBe('7');
    expect(spreadsheetSafe(null)).toBe('');
  });

  it('quote what needs quoting and escape every cell', () => {
    expect(
      toCsv(
        ['name', 'total'],
        [
          ['Khan, Aisha', '10.00'],
          ['=1+1', '-5.00'],
        ],
      ),
    ).toBe('name,total\n"Khan, Aisha",10.00\n\'=1+1,-5.00\n');
  });
});
