import { cleanup, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

const visit = (id: string, status: string, closedAt: string | null) => ({
  id,
  status,
  openedAt: '2026-11-30T14:00:00Z',
  closedAt,
  chiefComplaint: 'Cough and fever',
  provider: { id: 'prov-1', displayName: 'Dr. Amara Okafor' },
  facility: { id: 'fac-1', name: 'Riverside Clinic', timezone: 'America/New_York' },
  diagnoses: [{ id: 'd1', code: 'J20.9', description: 'Acute bronchitis, unspecified', kind: 'PRIMARY' }],
  prescriptions: [
    {
      id: 'rx-1',
      status: 'FINALISED',
      items: [{ id: 'i1', medicineName: 'Paracetamol 500 mg tablets', dose: '1 g', frequency: '4 times a day', durationDays: 3 }],
    },
    { id: 'rx-2', status: 'DRAFT', items: [{ id: 'i2', medicineName: 'Never finalised', dose: '1', frequency: 'daily', durationDays: 1 }] },
  ],
  followUp: { recommendedOn: '2026-12-14', reason: 'Check the chest' },
});

describe('my past visits', () => {
  it('shows each closed visit on the clinic’s date, with diagnoses, finalised medicines and the follow-up', async () => {
    renderApp({
      path: '/portal/visits',
      account: accountWith(['PATIENT'], { patientId: 'pat-1', facilities: [] }),
      handlers: {
        MyVisits: () => ({
          data: { patient: { id: 'pat-1', encounters: [visit('e-open', 'IN_CONSULTATION', null), visit('e1', 'CLOSED', '2026-12-01T02:30:00Z')] } },
        }),
      },
    });
    const card = (await screen.findByText('Acute bronchitis, unspecified', { exact: false })).closest('li.card')!;
    // 02:30 UTC on 1 December is still 30 November in New York, where the visit happened.
    expect(card.querySelector('h2')!.textContent).toContain('Nov 30, 2026');
    expect(card.textContent).toContain('Dr. Amara Okafor · Riverside Clinic · Cough and fever');
    expect(card.textContent).toContain('Paracetamol 500 mg tablets: 1 g, 4 times a day, 3 days');
    expect(card.textContent).not.toContain('Never finalised');
    expect(card.textContent).toContain('Check the chest');
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(1);
  });

  it('says so when there is no past visit', async () => {
    renderApp({
      path: '/portal/visits',
      account: accountWith(['PATIENT'], { patientId: 'pat-1', facilities: [] }),
      handlers: { MyVisits: () => ({ data: { patient: { id: 'pat-1', encounters: [] } } }) },
    });
    expect(await screen.findByText('No past visits yet.')).toBeTruthy();
  });
});
