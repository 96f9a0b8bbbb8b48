import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

const order = (id: string, name: string, value: number, flag: string) => ({
  id,
  status: 'RELEASED',
  orderedAt: '2026-11-30T14:00:00Z',
  verifiedAt: '2026-11-30T16:00:00Z',
  patientVisibleFrom: '2099-12-03T16:00:00Z',
  patient: { id: `pat-${id}`, displayName: name, mrn: `CG0100000${id.length}` },
  items: [{ id: `i-${id}`, testName: 'Potassium', unit: 'mmol/L', referenceLow: 3.5, referenceHigh: 5.1, result: { value, text: null, flag } }],
});

describe('the results inbox', () => {
  it('puts critical results first, flags abnormal ones, and clears an order once it is marked seen, without a reload', async () => {
    let seen = false;
    const app = renderApp({
      path: '/doctor/results',
      account: accountWith(['DOCTOR'], { providerId: 'prov-1' }),
      handlers: {
        ResultsToReview: () => ({
          data: {
            labResultsToReview: seen
              ? [order('o1', 'James Chen', 5.9, 'HIGH')]
              : [order('o1', 'James Chen', 5.9, 'HIGH'), order('o22', 'Aisha Khan', 6.9, 'CRITICAL_HIGH')],
          },
        }),
        MarkLabResultsSeen: (v) => {
          seen = true;
          return {
            data: { markLabResultsSeen: { __typename: 'LabOrder', id: v.id, reviewedAt: '2026-11-30T17:00:00Z', patientVisibleFrom: '2026-11-30T17:00:00Z' } },
          };
        },
      },
    });
    const cards = await screen.findAllByRole('listitem');
    const [first, second] = cards.filter((c) => c.classList.contains('card'));
    expect(first!.textContent).toContain('Aisha Khan');
    expect(within(first!).getByText('Critical')).toBeTruthy();
    expect(within(second!).getByText('Abnormal')).toBeTruthy();
    expect(first!.textContent).toContain('the patient sees it once you mark it seen');
    fireEvent.click(within(first!).getByRole('button', { name: 'Mark as seen' }));
    await waitFor(() => expect(screen.queryByText('Aisha Khan')).toBeNull());
    expect(app.gateway.named('MarkLabResultsSeen')[0]?.variables).toEqual({ id: 'o22' });
    expect(screen.getByText('James Chen')).toBeTruthy();
  });
});
