import { cleanup, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith, FACILITY, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

const maria = accountWith(['PATIENT'], { patientId: 'pat-1', facilities: [] });
const NORTHGATE = { id: 'fac-2', name: 'Northgate Clinic', timezone: 'America/New_York' };

describe('booking in the portal', () => {
  it('opens at the patient’s home clinic, not at the first clinic of the list', async () => {
    renderApp({
      path: '/portal/book',
      account: maria,
      handlers: {
        Facilities: () => ({ data: { facilities: [NORTHGATE, FACILITY] } }),
        HomeClinic: () => ({ data: { me: { patient: { registeredFacility: FACILITY } } } }),
      },
    });
    const select = (await screen.findByLabelText('Facility')) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe(FACILITY.id));
    expect([...select.options].map((o) => o.textContent)).toEqual(['Riverside Clinic', 'Northgate Clinic']);
  });
});
