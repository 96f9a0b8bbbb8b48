import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { choices } from '../../testing/fixtures.ts';
import { accountWith, FACILITY } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { JoinWaitlistForm } from './JoinWaitlistForm.tsx';

afterEach(cleanup);

describe('joining the waitlist', () => {
  it("sends the chosen days as the facility's local days, whatever the browser's zone", async () => {
    expect(FACILITY.timezone).toBe('America/New_York');
    const view = renderComponent(() => <JoinWaitlistForm facilityId={FACILITY.id} today="2026-11-30" staff={false} />, {
      account: accountWith(['PATIENT']),
      handlers: {
        BookingChoices: () => ({ data: choices }),
        JoinWaitlist: () => ({ data: null, errors: [{ message: 'not needed', extensions: { code: 'FORBIDDEN' } }] }),
      },
    });
    await screen.findByRole('option', { name: choices.appointmentTypes[0]!.name });
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-12-01' } });
    fireEvent.input(screen.getByLabelText('To'), { target: { value: '2026-12-05' } });
    await vi.waitFor(() => expect((screen.getByRole('button', { name: 'Join waitlist' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Join waitlist' }));
    await vi.waitFor(() => expect(view.gateway.named('JoinWaitlist')).toHaveLength(1));
    expect(view.gateway.named('JoinWaitlist')[0]!.variables.input).toMatchObject({
      earliest: '2026-12-01T05:00:00.000Z',
      latest: '2026-12-06T04:59:59.000Z',
    });
  });
});
