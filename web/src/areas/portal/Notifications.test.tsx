import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { Notifications } from './Notifications.tsx';

afterEach(cleanup);

const patient = accountWith(['PATIENT'], { patientId: 'pat-1' });

describe('the patient’s messages', () => {
  it('shows unread messages, marks one read, and filters to unread', async () => {
    let readAt: string | null = null;
    const view = renderComponent(() => <Notifications />, {
      account: patient,
      handlers: {
        MyNotifications: (v) => ({
          data: {
            notifications: [
              {
                id: 'n1',
                kind: 'waitlist.offer',
                title: 'A slot opened up',
                body: 'Dr Okafor, Tuesday 09:20',
                appointmentId: null,
                offerId: 'o1',
                createdAt: '2026-03-02T10:00:00Z',
                readAt,
              },
              {
                id: 'n2',
                kind: 'reminder',
                title: 'Reminder',
                body: 'Tomorrow 10:00',
                appointmentId: 'a1',
                offerId: null,
                createdAt: '2026-03-01T10:00:00Z',
                readAt: '2026-03-01T12:00:00Z',
              },
            ].filter((n) => !v.unreadOnly || !n.readAt),
          },
        }),
        MarkNotificationRead: () => {
          readAt = '2026-03-02T11:00:00Z';
          return { data: { markNotificationRead: { id: 'n1', readAt } } };
        },
      },
    });
    expect(await screen.findByText('(1 unread)')).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'See my appointments' })).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Mark “Reminder” read' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Mark “A slot opened up” read' }));
    await vi.waitFor(() => expect(screen.queryByText('(1 unread)')).toBeNull());
    expect(view.gateway.named('MarkNotificationRead')[0]?.variables).toEqual({ id: 'n1' });
    fireEvent.click(screen.getByLabelText('Unread only'));
    expect(await screen.findByText('No messages.')).toBeTruthy();
    expect(view.gateway.named('MyNotifications').at(-1)?.variables).toEqual({ unreadOnly: true });
  });
});
