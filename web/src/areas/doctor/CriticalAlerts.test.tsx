import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith, renderApp } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { CriticalAlerts } from './CriticalAlerts.tsx';
import type { CriticalResult } from './critical-results.ts';

afterEach(cleanup);

const doctor = accountWith(['DOCTOR'], { providerId: 'prov-1' });

const critical = (id: string, testName: string, value: number, patient: string, extra: Partial<CriticalResult> = {}): CriticalResult => ({
  id,
  testName,
  value,
  unit: 'mmol/L',
  flag: 'CRITICAL_HIGH',
  enteredAt: '2026-11-24T14:00:00.000Z',
  verifiedAt: '2026-11-24T14:05:00.000Z',
  acknowledgedAt: null,
  patient: { id: `pat-${id}`, displayName: patient },
  ...extra,
});

const potassium = critical('res-1', 'Potassium', 7.1, 'Maria Garcia');
const glucose = critical('res-2', 'Glucose', 28.4, 'James Chen', { verifiedAt: '2026-11-24T15:00:00.000Z' });
const acknowledged = (r: CriticalResult): CriticalResult => ({ ...r, acknowledgedAt: '2026-11-24T15:10:00.000Z' });

const alerts = () => screen.queryAllByRole('alert').filter((el) => el.hasAttribute('data-critical-result'));

describe('critical results for the ordering doctor', () => {
  it('shows what waits after a reload, adds a newly verified one live, and drops each once acknowledged', async () => {
    const view = renderComponent(() => <CriticalAlerts />, {
      account: doctor,
      handlers: {
        UnacknowledgedCriticalResults: () => ({ data: { unacknowledgedCriticalResults: [potassium] } }),
        AcknowledgeCriticalResult: (v) => ({ data: { acknowledgeCriticalResult: acknowledged(v.resultId === glucose.id ? glucose : potassium) } }),
      },
    });
    expect(await screen.findByRole('heading', { name: 'Critical results to acknowledge' })).toBeTruthy();
    expect(alerts().map((li) => li.textContent)).toEqual([expect.stringContaining('Potassium 7.1 mmol/L (Critical high) for Maria Garcia')]);

    await waitFor(() => expect(view.live.subscriptions.map((s) => s.payload.operationName)).toEqual(['CriticalLabResults']));
    view.live.push('CriticalLabResults', { criticalLabResults: { cursor: '41', result: glucose } });
    await waitFor(() => expect(alerts()).toHaveLength(2));
    expect(screen.getByRole('link', { name: 'James Chen' }).getAttribute('href')).toBe('/doctor/patients/pat-res-2');

    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge Potassium for Maria Garcia' }));
    await waitFor(() => expect(alerts().map((li) => li.getAttribute('data-critical-result'))).toEqual(['res-2']));
    expect(view.gateway.named('AcknowledgeCriticalResult').map((s) => s.variables)).toEqual([{ resultId: 'res-1' }]);

    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge Glucose for James Chen' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Critical results to acknowledge' })).toBeNull());
  });

  it('ignores a replayed event for a result someone already acknowledged', async () => {
    const view = renderComponent(() => <CriticalAlerts />, {
      account: doctor,
      handlers: { UnacknowledgedCriticalResults: () => ({ data: { unacknowledgedCriticalResults: [] } }) },
    });
    await waitFor(() => expect(view.live.subscriptions).toHaveLength(1));
    view.live.push('CriticalLabResults', { criticalLabResults: { cursor: '42', result: acknowledged(glucose) } });
    view.live.push('CriticalLabResults', { criticalLabResults: { cursor: '43', result: potassium } });
    await waitFor(() => expect(alerts()).toHaveLength(1));
    expect(alerts()[0]!.getAttribute('data-critical-result')).toBe('res-1');
  });

  it('keeps the alert and says why when the acknowledgement fails', async () => {
    renderComponent(() => <CriticalAlerts />, {
      account: doctor,
      handlers: {
        UnacknowledgedCriticalResults: () => ({ data: { unacknowledgedCriticalResults: [potassium] } }),
        AcknowledgeCriticalResult: () => apiError('FORBIDDEN', 'Only the ordering doctor or clinical staff acknowledge critical results'),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Acknowledge Potassium for Maria Garcia' }));
    expect((await screen.findByText('You are not allowed to do this.')).closest('[data-critical-result]')?.getAttribute('data-critical-result')).toBe('res-1');
    expect(alerts()).toHaveLength(1);
  });

  it('neither asks nor listens for a nurse, who orders no tests', async () => {
    const view = renderComponent(() => <CriticalAlerts />, { account: accountWith(['NURSE']) });
    await new Promise((r) => setTimeout(r, 50));
    expect(view.gateway.named('UnacknowledgedCriticalResults')).toHaveLength(0);
    expect(view.live.subscriptions).toHaveLength(0);
  });

  it('stands above every page of the doctor area', async () => {
    renderApp({
      path: '/doctor/patients',
      account: doctor,
      handlers: { UnacknowledgedCriticalResults: () => ({ data: { unacknowledgedCriticalResults: [potassium] } }) },
    });
    expect(await screen.findByRole('button', { name: 'Acknowledge Potassium for Maria Garcia' })).toBeTruthy();
  });
});
