import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { ImagingWorklist } from './ImagingWorklist.tsx';

afterEach(cleanup);

const REPORT = { version: 1, findings: 'Clear lung fields.', impression: 'Normal chest.', correctionReason: null, reportedAt: '2026-11-24T15:00:00.000Z' };
const study = (status: string) => ({
  id: 'rad-1',
  modality: 'XRAY',
  bodyPart: 'Chest PA',
  priority: 'ROUTINE',
  status,
  clinicalInfo: null,
  orderedAt: '2026-11-24T14:30:00.000Z',
  encounter: { id: 'enc-1', facility: { id: 'fac-1', timezone: 'America/New_York' } },
  verifiedAt: status === 'VERIFIED' ? '2026-11-24T16:00:00.000Z' : null,
  report: status === 'ORDERED' ? null : REPORT,
  patient: { id: 'pat-1', displayName: 'Maria Garcia', mrn: 'CG01000017' },
  orderingProvider: { id: 'prov-1', displayName: 'Dr. Amara Okafor' },
});
const changed = (field: string, status: string, extra = {}) => ({ data: { [field]: { __typename: 'RadiologyOrder', id: 'rad-1', status, ...extra } } });

describe('the imaging worklist', () => {
  it('reports a study, then verifies the report, each list following without a reload', async () => {
    let status = 'ORDERED';
    const view = renderComponent(() => <ImagingWorklist />, {
      account: accountWith(['DOCTOR']),
      handlers: {
        RadiologyWorklist: ({ statuses }) => ({ data: { radiologyWorklist: statuses.includes(status) ? [study(status)] : [] } }),
        ReportImaging: () => {
          status = 'REPORTED';
          return changed('reportImaging', 'REPORTED');
        },
        VerifyImagingReport: () => {
          status = 'VERIFIED';
          return changed('verifyImagingReport', 'VERIFIED', { verifiedAt: '2026-11-24T16:00:00.000Z' });
        },
      },
    });
    const form = await screen.findByRole('form', { name: 'Report for Maria Garcia, X-ray Chest PA' });
    fireEvent.click(within(form).getByRole('button', { name: 'Save report' }));
    expect(await within(form).findByText('Describe the findings.')).toBeTruthy();
    fireEvent.input(within(form).getByLabelText('Findings'), { target: { value: 'Clear lung fields.' } });
    fireEvent.input(within(form).getByLabelText('Impression'), { target: { value: 'Normal chest.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save report' }));
    expect(await screen.findByText('No studies waiting for a report.')).toBeTruthy();
    expect(view.gateway.named('ReportImaging')[0]?.variables).toEqual({
      orderId: 'rad-1',
      findings: 'Clear lung fields.',
      impression: 'Normal chest.',
      correctionReason: null,
    });
    fireEvent.click(screen.getByRole('button', { name: 'To verify' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Verify report' }));
    expect(await screen.findByText('No reports waiting for verification.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Verified' }));
    expect(await screen.findByText('Normal chest.')).toBeTruthy();
  });
});
