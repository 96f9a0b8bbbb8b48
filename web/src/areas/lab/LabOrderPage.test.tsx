import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { LabOrderPage } from './LabOrderPage.tsx';
import type { LabOrderDetail, LabResultInfo } from './queries.ts';

afterEach(cleanup);

const version = (n: number, value: number, flag: LabResultInfo['flag'], correctionReason: string | null = null): LabResultInfo => ({
  id: `r${n}`,
  version: n,
  value,
  text: null,
  flag,
  comment: null,
  correctionReason,
  enteredAt: '2026-03-02T10:00:00Z',
});

const detail = (status: LabOrderDetail['status']): LabOrderDetail => ({
  id: 'o1',
  status,
  priority: 'URGENT',
  orderedAt: '2026-03-02T09:00:00Z',
  specimen: 'serum',
  clinicalInfo: 'Weakness',
  collectedAt: null,
  receivedAt: null,
  verifiedAt: null,
  releasedAt: status === 'RELEASED' ? '2026-03-02T11:05:00Z' : null,
  patient: { id: 'p1', displayName: 'Maya Chen', mrn: 'MRN-1' },
  orderingProvider: { displayName: 'Dr Ada Okafor' },
  items: [
    {
      id: 'i1',
      testCode: 'K',
      testName: 'Potassium',
      unit: 'mmol/L',
      referenceLow: 3.5,
      referenceHigh: 5.1,
      plausibleLow: 1,
      plausibleHigh: 12,
      result: version(2, 5.9, 'HIGH', 'haemolysed'),
      versions: [version(1, 6.8, 'CRITICAL_HIGH'), version(2, 5.9, 'HIGH', 'haemolysed')],
    },
  ],
});

describe('a lab order', () => {
  it('shows results against their range with the flag, keeps the earlier versions, and verifies then releases', async () => {
    let status: LabOrderDetail['status'] = 'RESULTED';
    const view = renderComponent(() => <LabOrderPage />, {
      account: accountWith(['LAB']),
      path: '/lab/orders/o1',
      route: '/lab/orders/:id',
      handlers: {
        LabOrder: () => ({ data: { labOrder: detail(status) } }),
        VerifyLabOrder: () => {
          status = 'VERIFIED';
          return { data: { verifyLabOrder: { id: 'o1', status, verifiedAt: '2026-03-02T11:00:00Z' } } };
        },
        ReleaseLabOrder: () => {
          status = 'RELEASED';
          return { data: { releaseLabOrder: { id: 'o1', status, releasedAt: '2026-03-02T11:05:00Z' } } };
        },
      },
    });
    const row = (await screen.findByRole('rowheader', { name: 'Potassium' })).closest('tr')!;
    expect(row.textContent).toContain('5.9 mmol/L');
    expect(row.textContent).toContain('3.5–5.1 mmol/L');
    expect(row.textContent).toContain('High');
    expect(row.classList.contains('abnormal')).toBe(true);
    expect(screen.getByText('2 versions of Potassium')).toBeTruthy();
    expect(screen.getByText(/v1: 6.8 mmol\/L · Critical high/)).toBeTruthy();
    expect(screen.getByText(/corrected: haemolysed/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save correction' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Verify results' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Release results' }));
    expect(await screen.findByText(/A correction sends it back for verification/)).toBeTruthy();
    await vi.waitFor(() => expect(view.gateway.named('ReleaseLabOrder')[0]?.variables).toEqual({ id: 'o1' }));
  });
});
