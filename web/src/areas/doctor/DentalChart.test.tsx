import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { DentalChart } from './DentalChart.tsx';

afterEach(cleanup);

const RECORDED = '2026-11-24T14:30:00.000Z';
const caries16 = { id: 'f-1', finding: 'CARIES', surfaces: ['O', 'D'], note: null, recordedAt: RECORDED };
const chart = (teeth: unknown[] = [], plan: unknown[] = []) => ({ data: { patient: { id: 'pat-1', dentalChart: { teeth, plan } } } });

describe('the dental chart', () => {
  it('records a finding on the chosen tooth and shows it on the grid without a reload', async () => {
    let findings: unknown[] = [];
    const view = renderComponent(() => <DentalChart patientId="pat-1" encounterId="enc-1" editable />, {
      account: accountWith(['DOCTOR']),
      handlers: {
        DentalChart: () => chart(findings.length ? [{ tooth: 16, findings }] : []),
        RecordToothFinding: () => {
          findings = [caries16];
          return { data: { recordToothFinding: { __typename: 'DentalFinding', id: 'f-1', tooth: 16, finding: 'CARIES' } } };
        },
      },
    });
    expect(await screen.findAllByRole('button', { name: /^Tooth \d+: no findings$/ })).toHaveLength(32);
    fireEvent.click(screen.getByRole('button', { name: 'Record finding' }));
    expect(await screen.findByText('Choose a finding.')).toBeTruthy();
    expect(screen.getByText(/Enter an FDI tooth number/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Tooth 16: no findings' }));
    expect((screen.getByLabelText('Tooth (FDI)') as HTMLInputElement).value).toBe('16');
    fireEvent.change(screen.getByLabelText('Finding'), { target: { value: 'CARIES' } });
    fireEvent.click(screen.getByLabelText('Occlusal'));
    fireEvent.click(screen.getByLabelText('Distal'));
    fireEvent.click(screen.getByRole('button', { name: 'Record finding' }));
    expect(await screen.findByRole('button', { name: 'Tooth 16: Caries' })).toBeTruthy();
    expect(view.gateway.named('RecordToothFinding')[0]?.variables).toEqual({
      encounterId: 'enc-1',
      tooth: 16,
      finding: 'CARIES',
      surfaces: ['O', 'D'],
      note: null,
    });
    expect(screen.getByRole('region', { name: 'Tooth 16 history' }).textContent).toContain('Caries (OD)');
  });

  it('is read-only outside an open encounter', async () => {
    renderComponent(() => <DentalChart patientId="pat-1" />, {
      account: accountWith(['DOCTOR']),
      handlers: { DentalChart: () => chart([{ tooth: 36, findings: [caries16] }]) },
    });
    expect(await screen.findByRole('button', { name: 'Tooth 36: Caries' })).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Record a tooth finding' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Add to the treatment plan' })).toBeNull();
  });

  it('loads only when shown where it is collapsible (a visit that may not be dental)', async () => {
    const view = renderComponent(() => <DentalChart patientId="pat-1" collapsible />, {
      account: accountWith(['DOCTOR']),
      handlers: { DentalChart: () => chart() },
    });
    const toggle = screen.getByRole('button', { name: 'Show the dental chart' });
    expect(view.gateway.named('DentalChart')).toHaveLength(0);
    fireEvent.click(toggle);
    expect(await screen.findAllByRole('button', { name: /^Tooth \d+: no findings$/ })).toHaveLength(32);
    expect(screen.getByRole('button', { name: 'Hide the dental chart' }).getAttribute('aria-expanded')).toBe('true');
  });
});
