import { cleanup, render, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { LineChart } from './LineChart.tsx';

afterEach(cleanup);

describe('the line chart', () => {
  it('draws one point per measurement, oldest left, with a table for screen readers', () => {
    render(() => (
      <LineChart
        title="Systolic"
        unit="mmHg"
        band={{ low: 90, high: 140 }}
        points={[
          { at: '2026-11-01T10:00:00Z', value: 132 },
          { at: '2026-11-10T10:00:00Z', value: 128 },
          { at: '2026-11-20T10:00:00Z', value: 121 },
        ]}
      />
    ));
    const chart = screen.getByRole('img', { name: 'Systolic: 3 measurements' });
    const xs = [...chart.querySelectorAll('circle')].map((c) => Number(c.getAttribute('cx')));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    const ys = [...chart.querySelectorAll('circle')].map((c) => Number(c.getAttribute('cy')));
    expect(ys[0]).toBeLessThan(ys[2]!);
    expect(screen.getByRole('table').textContent).toContain('121 mmHg');
  });

  it('says when there is nothing to draw', () => {
    render(() => <LineChart title="Pulse" points={[]} />);
    expect(screen.getByText('No measurements yet.')).toBeTruthy();
  });
});
