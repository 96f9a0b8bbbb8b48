import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { VitalsForm } from './VitalsForm.tsx';

afterEach(cleanup);

describe('recording vitals', () => {
  it('refuses implausible values before sending and sends numbers for the rest', async () => {
    const view = renderComponent(() => <VitalsForm encounterId="enc-1" />, {
      account: accountWith(['NURSE']),
      handlers: { RecordVitals: () => ({ data: { recordVitals: { id: 'v1', recordedAt: '2026-11-24T09:30:00.000Z', bmi: null } } }) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save vitals' }));
    expect(await screen.findByText('Enter at least one measurement.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Systolic (mmHg)'), { target: { value: '500' } });
    fireEvent.input(screen.getByLabelText('Temperature (°C)'), { target: { value: '37.2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save vitals' }));
    expect(await screen.findByText('Between 50 and 300, whole number.')).toBeTruthy();
    expect(view.gateway.named('RecordVitals')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Systolic (mmHg)'), { target: { value: '128' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save vitals' }));
    expect(await screen.findByText('Vitals saved.')).toBeTruthy();
    expect(view.gateway.named('RecordVitals')[0]?.variables.input).toEqual({ encounterId: 'enc-1', systolic: 128, temperatureC: 37.2 });
  });
});
