import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

const facilities = [
  { id: 'fac-1', name: 'Main Street Clinic', sessionIdleMinutes: 30 },
  { id: 'fac-2', name: 'Harbour Clinic', sessionIdleMinutes: 15 },
];

describe('sign-in sessions: the idle timeout per facility', () => {
  it('shows each facility’s timeout and saves a new one', async () => {
    const app = renderApp({
      path: '/admin/sessions',
      account: accountWith(['ADMIN']),
      handlers: {
        SessionPolicies: () => ({ data: { facilities } }),
        SetFacilitySessionPolicy: (v) => ({ data: { setFacilitySessionPolicy: { id: v.facilityId, sessionIdleMinutes: v.idleTimeoutMinutes } } }),
      },
    });
    const main = (await screen.findByLabelText('Idle timeout at Main Street Clinic')) as HTMLSelectElement;
    expect(main.value).toBe('30');
    expect((screen.getByLabelText('Idle timeout at Harbour Clinic') as HTMLSelectElement).value).toBe('15');
    fireEvent.change(main, { target: { value: '45' } });
    expect(await screen.findByText('Main Street Clinic: staff are signed out after 45 idle minutes.')).toBeTruthy();
    expect(app.gateway.named('SetFacilitySessionPolicy').map((s) => s.variables)).toEqual([{ facilityId: 'fac-1', idleTimeoutMinutes: 45 }]);
  });

  it('shows a refusal and claims nothing was saved', async () => {
    const app = renderApp({
      path: '/admin/sessions',
      account: accountWith(['ADMIN']),
      handlers: {
        SessionPolicies: () => ({ data: { facilities } }),
        SetFacilitySessionPolicy: () => apiError('FORBIDDEN', 'You may not change this'),
      },
    });
    fireEvent.change(await screen.findByLabelText('Idle timeout at Harbour Clinic'), { target: { value: '60' } });
    expect(await screen.findByRole('alert')).toBeTruthy();
    await waitFor(() => expect(app.gateway.named('SetFacilitySessionPolicy')).toHaveLength(1));
    expect(screen.queryByText(/staff are signed out after/)).toBeNull();
  });
});
