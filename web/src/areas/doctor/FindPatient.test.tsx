import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { FindPatient } from './FindPatient.tsx';

afterEach(cleanup);

const doctor = accountWith(['DOCTOR']);
const noMatch = () => ({ data: { patients: { nodes: [] } } });
const opened = {
  data: {
    breakTheGlass: {
      patientId: 'pat-9',
      accessToken: 'access-btg',
      accessTokenExpiresAt: '2099-01-01T00:00:00Z',
      grant: { id: 'g-1', expiresAt: '2099-01-01T00:00:00Z' },
    },
  },
};

async function openEmergencyForm(search: string) {
  fireEvent.input(screen.getByLabelText('Patient'), { target: { value: search } });
  fireEvent.click(await screen.findByRole('button', { name: 'Emergency access…' }, { timeout: 2000 }));
}

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('emergency access from patient search (break-the-glass)', () => {
  it('when nobody matches: names the patient, gives a reason and the password, then opens the chart with the new token', async () => {
    const view = renderComponent(() => <FindPatient />, {
      account: doctor,
      path: '/doctor/patients',
      handlers: {
        SearchPatients: noMatch,
        MyMfa: () => ({ data: { myMfa: { enabled: false, required: false, recoveryCodesLeft: 0 } } }),
        BreakTheGlass: () => opened,
      },
    });
    await openEmergencyForm('CG01000018');
    expect((screen.getByLabelText('MRN') as HTMLInputElement).value).toBe('CG01000018');
    fireEvent.click(screen.getByRole('button', { name: 'Open the chart' }));
    expect((await screen.findByText('Say why you need this chart (at least 10 characters).')).textContent).toBeTruthy();
    expect(view.gateway.named('BreakTheGlass')).toHaveLength(0);

    type('Reason', 'Unconscious, brought in by ambulance');
    type('Your password', 'my-password');
    fireEvent.click(screen.getByRole('button', { name: 'Open the chart' }));
    await waitFor(() => expect(view.history.get()).toBe('/doctor/patients/pat-9'));
    expect(view.gateway.named('BreakTheGlass').map((s) => s.variables)).toEqual([
      { input: { mrn: 'CG01000018', reason: 'Unconscious, brought in by ambulance', password: 'my-password' } },
    ]);
    expect(view.session.accessToken()).toBe('access-btg');
    expect(view.session.refreshToken()).toBe('refresh-1');
  });

  it('asks for the authenticator code when the account uses two-step sign-in, and says plainly when nobody matches', async () => {
    const view = renderComponent(() => <FindPatient />, {
      account: doctor,
      handlers: {
        SearchPatients: noMatch,
        MyMfa: () => ({ data: { myMfa: { enabled: true, required: false, recoveryCodesLeft: 10 } } }),
        BreakTheGlass: () => apiError('NOT_FOUND', 'Patient not found'),
      },
    });
    await openEmergencyForm('Garcia');
    type('Family name', 'Garcia');
    type('Date of birth', '1985-03-14');
    type('Reason', 'Unconscious, brought in by ambulance');
    await screen.findByLabelText('Authenticator code');
    type('Authenticator code', '123456');
    fireEvent.click(screen.getByRole('button', { name: 'Open the chart' }));
    expect((await screen.findByRole('alert')).textContent).toContain('No patient matches these details exactly');
    expect(view.gateway.named('BreakTheGlass').map((s) => s.variables)).toEqual([
      { input: { familyName: 'Garcia', dateOfBirth: '1985-03-14', reason: 'Unconscious, brought in by ambulance', code: '123456' } },
    ]);
    expect(view.session.accessToken()).toBe('access-1');
  });
});
