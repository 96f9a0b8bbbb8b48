import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { WaitlistEntryInfo } from '../../features/waitlist/fields.ts';
import { choices } from '../../testing/fixtures.ts';
import { accountWith, FACILITY } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { Waitlist } from './Waitlist.tsx';

afterEach(cleanup);

const MARIA = { id: 'p1', mrn: 'MRN-1', displayName: 'Maria Garcia', dateOfBirth: '1980-04-02', phone: '+1 555 0100' };

/** The waitlist as the API holds it: joining adds to it, and each Waitlist query reads it afresh. */
function waitlistServer() {
  const entries: WaitlistEntryInfo[] = [];
  return {
    Waitlist: () => ({ data: { waitlist: structuredClone(entries) } }),
    BookingChoices: () => ({ data: choices }),
    SearchPatients: () => ({ data: { patients: { nodes: [MARIA] } } }),
    JoinWaitlist: (v: Record<string, any>) => {
      const entry: WaitlistEntryInfo = {
        id: `w${entries.length + 1}`,
        status: 'WAITING',
        earliest: v.input.earliest,
        latest: v.input.latest,
        priority: 0,
        note: null,
        patient: { id: MARIA.id, displayName: MARIA.displayName },
        provider: null,
        type: { name: 'Consultation' },
        facility: { timezone: FACILITY.timezone },
        offers: [],
      };
      entries.push(entry);
      return { data: { joinWaitlist: { __typename: 'WaitlistEntry', ...entry } } };
    },
  };
}

describe('the reception waitlist', () => {
  it('lists the first patient added to an empty waitlist without a reload', async () => {
    renderComponent(() => <Waitlist />, { account: accountWith(['RECEPTIONIST']), handlers: waitlistServer() });
    expect(await screen.findByText('Nobody is waiting.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText(/^Patient/), { target: { value: 'Maria' } });
    fireEvent.click(await screen.findByRole('button', { name: /Maria Garcia/ }));
    await screen.findByRole('option', { name: choices.appointmentTypes[0]!.name });
    fireEvent.click(screen.getByRole('button', { name: 'Join waitlist' }));
    const table = await screen.findByRole('table', { name: 'Waiting patients' });
    expect(within(table).getByText('Maria Garcia')).toBeTruthy();
    expect(screen.queryByText('Nobody is waiting.')).toBeNull();
  });
});
