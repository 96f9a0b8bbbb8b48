import { cleanup, render, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { BarChart } from './BarChart.tsx';

afterEach(cleanup);

describe('the bar chart', () => {
  it('scales bars to the largest and writes each value', () => {
    render(() => (
      <BarChart
        title="Revenue"
        bars={[
          { label: 'Mon', value: 100 },
          { label: 'Tue', value: 50 },
        ]}
        format={(v) => `$${v}`}
      />
    ));
    const [mon, tue] = [...screen.getByRole('img', { name: 'Revenue' }).querySelectorAll('rect')].map((r) => Number(r.getAttribute('width')));
    expect(mon).toBe(2 * tue!);
    expect(screen.getByText('$50')).toBeTruthy();
  });
});
