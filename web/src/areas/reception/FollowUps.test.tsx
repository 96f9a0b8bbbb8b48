import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays, localDate } from '../../lib/format.ts';
import { accountWith, FACILITY } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { FollowUps } from './FollowUps.tsx';
import type { FollowUpInfo } from './follow-up-queries.ts';

afterEach(cleanup);

const today = localDate(new Date(), FACILITY.timezone);

const closed = (id: string, name: string, on: string, facilityId = FACILITY.id): FollowUpInfo => ({
  id,
  closedAt: '2026-11-20T15:00:00Z',
  patient: { id: `pat-${id}`, displayName: name, mrn: `MRN-${id}`, phone: '+1 555 0100' },
  facility: { id: facilityId },
  followUp: { recommendedOn: on, reason: 'Review blood pressure', provider: { id: 'prov-1', displayName: 'Dr. Amara Okafor' } },
});

describe('follow-ups to book', () => {
  it('lists the follow-ups due at this facility in the next two weeks, each with a Book link for the patient', async () => {
    const view = renderComponent(() => <FollowUps />, {
      account: accountWith(['RECEPTIONIST']),
      handlers: {
        FollowUpRecommendations: (v) => ({
          data: {
            followUpRecommendations:
              v.to > addDays(today, 20)
                ? [closed('e1', 'James Chen', '2026-12-03'), closed('e3', 'Late Larry', addDays(today, 25))]
                : [closed('e1', 'James Chen', '2026-12-03'), closed('e2', 'Elsewhere Ed', '2026-12-04', 'fac-2')],
          },
        }),
      },
    });
    const row = await screen.findByRole('row', { name: /James Chen/ });
    expect(row.textContent).toContain('Thu, Dec 3, 2026');
    expect(row.textContent).toContain('Dr. Amara Okafor');
    expect(row.textContent).toContain('Review blood pressure');
    expect(within(row).getByRole('link', { name: 'Book James Chen' }).getAttribute('href')).toBe('/reception/book?patient=pat-e1');
    expect(screen.queryByText(/Elsewhere Ed/)).toBeNull();
    expect(view.gateway.named('FollowUpRecommendations')[0]?.variables).toEqual({ from: today, to: addDays(today, 13) });
    fireEvent.input(screen.getByLabelText('Due until'), { target: { value: addDays(today, 30) } });
    expect(await screen.findByRole('row', { name: /Late Larry/ })).toBeTruthy();
  });

  it('refuses a range that ends before it starts, asking nothing of the API', async () => {
    const view = renderComponent(() => <FollowUps />, {
      account: accountWith(['RECEPTIONIST']),
      handlers: { FollowUpRecommendations: () => ({ data: { followUpRecommendations: [] } }) },
    });
    expect(await screen.findByText('No follow-ups due in these days.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Due until'), { target: { value: addDays(today, -1) } });
    expect(await screen.findByText('Choose an end on or after the start, at most 92 days later.')).toBeTruthy();
    await vi.waitFor(() => expect(view.gateway.named('FollowUpRecommendations')).toHaveLength(1));
  });
});
