import { cleanup, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../testing/fake-gateway.ts';
import { accountWith, renderApp } from '../testing/render-app.tsx';

afterEach(cleanup);

describe('a live connection whose sign-in session ended', () => {
  it('closed by the gateway with 4401 (signed out elsewhere, deactivated): the tab asks for a refresh and, refused, signs out', async () => {
    const app = renderApp({
      path: '/doctor',
      account: accountWith(['DOCTOR'], { providerId: 'prov-1' }),
      handlers: {
        EncounterQueue: () => ({ data: { encounterQueue: [] } }),
        DayAppointments: () => ({ data: { appointments: [] } }),
        PendingRenewals: () => ({ data: { pendingRenewalRequests: [] } }),
        RefreshSession: () => apiError('UNAUTHENTICATED', 'This session has ended; sign in again'),
      },
    });
    await waitFor(() => expect(app.live.subscriptions.length).toBeGreaterThan(0));
    expect(app.gateway.named('RefreshSession')).toHaveLength(0);
    app.live.sockets.at(-1)!.close(4401, 'Session ended');
    await waitFor(() => expect(app.gateway.named('RefreshSession')).toHaveLength(1));
    await waitFor(() => expect(app.session.accessToken()).toBeNull());
  });
});
