import { cleanup, render, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { ScrollTable } from './ScrollTable.tsx';

afterEach(cleanup);

describe('a scrolling table', () => {
  it('is a named region in the tab order, holding the table', () => {
    render(() => (
      <ScrollTable label="Stock movements">
        <table>
          <tbody>
            <tr>
              <td>Paracetamol</td>
            </tr>
          </tbody>
        </table>
      </ScrollTable>
    ));
    const region = screen.getByRole('region', { name: 'Stock movements' });
    expect(region.classList.contains('table-scroll')).toBe(true);
    expect(region.querySelector('table')?.textContent).toBe('Paracetamol');
    expect(region.tabIndex).toBe(0);
    region.focus();
    expect(document.activeElement).toBe(region);
  });
});
