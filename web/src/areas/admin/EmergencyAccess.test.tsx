import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { renderComponent } from '../../testing/render-component.tsx';
import { EmergencyAccess } from './EmergencyAccess.tsx';

afterEach(cleanup);

const grant = {
  id: 'g-1',
  reason: 'Collapsed in our waiting room',
  at: '2026-12-01T09:00:00Z',
  expiresAt: '2026-12-01T10:00:00Z',
  reviewedAt: null,
  reviewNote: null,
  account: { id: 'acc-7', displayName: 'Hana Hill', email: 'doctor.hillside@clinigraph.test' },
  patient: { id: 'pat-1', displayName: 'Maria Garcia', mrn: 'CG01000018' },
  reviewedBy: null,
  reads: [
    { id: '1', at: '2026-12-01T09:01:00Z', action: 'read', entityType: 'Patient', service: 'people', operation: 'Chart' },
    { id: '2', at: '2026-12-01T09:01:00Z', action: 'read', entityType: 'Encounter', service: 'care', operation: 'Chart' },
  ],
};

describe('the emergency access review', () => {
  it('shows who opened whose chart, why and what they read, and marks it reviewed with a note', async () => {
    let reviewed: { reviewedAt: string; reviewNote: string; reviewedBy: { displayName: string } } | null = null;
    const view = renderComponent(() => <EmergencyAccess />, {
      handlers: {
        EmergencyAccessGrants: () => ({ data: { emergencyAccessGrants: [{ ...grant, ...reviewed }] } }),
        ReviewEmergencyAccess: (v) => {
          reviewed = { reviewedAt: '2026-12-01T11:00:00Z', reviewNote: String(v.note), reviewedBy: { displayName: 'Ada Admin' } };
          return { data: { reviewEmergencyAccess: { __typename: 'EmergencyAccess', id: 'g-1', ...reviewed } } };
        },
      },
    });
    const card = await screen.findByRole('listitem', { name: 'Emergency access by Hana Hill' });
    expect(within(card).getByRole('heading').textContent).toBe('Hana Hill opened Maria Garcia (CG01000018)');
    expect(card.textContent).toContain('Collapsed in our waiting room');
    expect(within(card).getAllByRole('row')).toHaveLength(3);
    expect(view.gateway.named('EmergencyAccessGrants')[0]?.variables).toEqual({ reviewed: false });

    fireEvent.click(within(card).getByRole('button', { name: 'Mark reviewed' }));
    expect(await within(card).findByText('Say what the review found (at least 3 characters).')).toBeTruthy();
    fireEvent.input(within(card).getByLabelText('Review note'), { target: { value: 'Confirmed with the ward' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Mark reviewed' }));
    expect((await screen.findByRole('status')).textContent).toContain('Reviewed by Ada Admin');
    expect(view.gateway.named('ReviewEmergencyAccess').map((s) => s.variables)).toEqual([{ id: 'g-1', note: 'Confirmed with the ward' }]);
  });
});
