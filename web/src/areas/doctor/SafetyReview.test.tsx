import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { SafetyReview } from './SafetyReview.tsx';

afterEach(cleanup);

const doctor = accountWith(['DOCTOR'], { providerId: 'prov-1' });
const warning = {
  key: 'interaction:ibuprofen:warfarin',
  kind: 'interaction',
  level: 'WARNING',
  severity: 'major',
  message: 'Ibuprofen with warfarin: bleeding risk.',
  drugs: [],
};
const block = { key: 'allergy:penicillin:amoxicillin', kind: 'allergy', level: 'BLOCK', severity: 'severe', message: 'Severe penicillin allergy.', drugs: [] };

describe('the safety review before finalising', () => {
  it('needs a reason for each warning, then sends them as acknowledgements', async () => {
    const done = vi.fn();
    const view = renderComponent(() => <SafetyReview prescriptionId="rx-1" onFinalised={done} />, {
      account: doctor,
      handlers: {
        SafetyCheck: () => ({ data: { prescriptionSafetyCheck: [warning] } }),
        FinalisePrescription: () => ({ data: { finalisePrescription: { id: 'rx-1', status: 'FINALISED', finalisedAt: '2026-11-24T09:30:00.000Z' } } }),
      },
    });
    expect(await screen.findByText(/Ibuprofen with warfarin: bleeding risk./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Finalise prescription' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Give a reason for each warning you accept.');
    expect(view.gateway.named('FinalisePrescription')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Reason to go ahead'), { target: { value: 'INR monitored weekly' } });
    fireEvent.click(screen.getByRole('button', { name: 'Finalise prescription' }));
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(view.gateway.named('FinalisePrescription')[0]?.variables).toEqual({
      id: 'rx-1',
      acknowledgements: [{ findingKey: warning.key, reason: 'INR monitored weekly' }],
    });
  });

  it('cannot finalise past a block', async () => {
    renderComponent(() => <SafetyReview prescriptionId="rx-1" onFinalised={() => {}} />, {
      account: doctor,
      handlers: { SafetyCheck: () => ({ data: { prescriptionSafetyCheck: [block] } }) },
    });
    const button = await screen.findByRole('button', { name: 'Cannot finalise: change the medicines' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/Blocked:/)).toBeTruthy();
  });

  it('shows the findings the API returns when finalising finds something new', async () => {
    renderComponent(() => <SafetyReview prescriptionId="rx-1" onFinalised={() => {}} />, {
      account: doctor,
      handlers: {
        SafetyCheck: () => ({ data: { prescriptionSafetyCheck: [] } }),
        FinalisePrescription: () =>
          apiError('INVALID_STATE', 'Finalising is blocked: Severe penicillin allergy.', {
            rule: 'PRESCRIPTION_SAFETY_BLOCK',
            findings: [{ ...block, level: 'block' }],
          }),
      },
    });
    await screen.findByText('No allergy or interaction warnings.');
    fireEvent.click(screen.getByRole('button', { name: 'Finalise prescription' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Finalising is blocked: Severe penicillin allergy.');
    expect(screen.getByRole('button', { name: 'Cannot finalise: change the medicines' })).toBeTruthy();
  });
});
