import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

/** jsdom's Blob has no text(). */
const textOf = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

const ageing = { current: 5000, days1to30: 2500, days31to60: 0, days61to90: 0, over90: 1000 };

describe('billing reports', () => {
  it('draws revenue and ageing as bars, names providers, and downloads the CSV the API made only when asked', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:report';
    });
    URL.revokeObjectURL = vi.fn();
    const app = renderApp({
      path: '/billing/reports',
      account: accountWith(['BILLING']),
      handlers: {
        Revenue: () => ({
          data: {
            revenueReport: {
              rows: [
                {
                  key: 'prov-1',
                  label: 'prov-1',
                  provider: { id: 'prov-1', displayName: 'Dr. Amara Okafor' },
                  currency: 'USD',
                  invoiceCount: 3,
                  netMinor: 15000,
                  taxMinor: 0,
                  totalMinor: 15000,
                },
                { key: '2026-11-20', label: '2026-11-20', provider: null, currency: 'USD', invoiceCount: 1, netMinor: 9000, taxMinor: 0, totalMinor: 9000 },
              ],
              totals: [{ currency: 'USD', netMinor: 24000, taxMinor: 0, totalMinor: 24000 }],
            },
          },
        }),
        RevenueCsv: (v) => ({ data: { revenueReport: { csv: `group,total\n${v.groupBy}` } } }),
        Outstanding: () => ({
          data: { outstandingReport: { asOf: '2026-11-24', totals: [{ currency: 'USD', balanceMinor: 8500, ageing }] } },
        }),
      },
    });
    const revenue = await screen.findByRole('img', { name: 'Revenue by day' });
    expect(revenue.textContent).toContain('Dr. Amara Okafor');
    expect(revenue.textContent).not.toContain('prov-1');
    expect(app.gateway.named('RevenueCsv')).toHaveLength(0);
    expect(revenue.textContent).toContain('$150.00');
    expect(screen.getByText('Total: $240.00')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Owed by patients (USD): $85.00' }).textContent).toContain('Over 90 days');
    fireEvent.change(screen.getByLabelText('Group by'), { target: { value: 'PROVIDER' } });
    await waitFor(() => expect(app.gateway.named('Revenue').at(-1)?.variables.groupBy).toBe('PROVIDER'));
    await waitFor(() => expect(screen.getAllByRole('button', { name: 'Download CSV' })).toHaveLength(2));
    fireEvent.click(screen.getAllByRole('button', { name: 'Download CSV' })[0]!);
    await waitFor(() => expect(created).toHaveLength(1));
    expect(await textOf(created[0]!)).toBe('group,total\nPROVIDER');
  });
});
