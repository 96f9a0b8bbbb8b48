import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from './testing/fake-gateway.ts';
import { accountWith, authPayload, renderApp } from './testing/render-app.tsx';

const receptionist = accountWith(['RECEPTIONIST'], { displayName: 'Rae Reception', email: 'reception@clinigraph.local' });
const patient = accountWith(['PATIENT'], { displayName: 'Maria Garcia', patientId: 'pat-1', facilities: [] });

function signIn(email: string, password: string) {
  fireEvent.input(screen.getByLabelText('E-mail'), { target: { value: email } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

const quietBoard = {
  BookingChoices: () => ({ data: { providers: [], appointmentTypes: [] } }),
  DayAppointments: () => ({ data: { appointments: [] } }),
};

describe('the app shell', () => {
  afterEach(cleanup);

  it('sends a signed-out visitor of a staff page to sign-in, then back to that page', async () => {
    const app = renderApp({
      path: '/reception/waitlist',
      handlers: {
        Login: (v) =>
          v.password === 'clinigraph-demo' ? { data: { login: authPayload(receptionist) } } : apiError('UNAUTHENTICATED', 'Wrong e-mail or password'),
        Waitlist: () => ({ data: { waitlist: [] } }),
        ...quietBoard,
      },
    });
    expect(await screen.findByRole('form', { name: 'Sign in' })).toBeTruthy();
    expect(app.history.get()).toBe('/sign-in?next=%2Freception%2Fwaitlist');
    signIn('reception@clinigraph.local', 'clinigraph-demo');
    expect(await screen.findByRole('heading', { name: 'Waitlist' })).toBeTruthy();
    expect(app.gateway.named('Login')[0]?.variables).toEqual({ email: 'reception@clinigraph.local', password: 'clinigraph-demo' });
    await waitFor(() => expect(app.gateway.named('Waitlist')[0]?.authorization).toBe('Bearer access-1'));
  });

  it('sends a person who is already signed in (or whose session came from another tab) on from sign-in to where they were going', async () => {
    const app = renderApp({
      path: '/sign-in?next=%2Freception%2Fwaitlist',
      account: receptionist,
      handlers: { Waitlist: () => ({ data: { waitlist: [] } }), ...quietBoard },
    });
    expect(await screen.findByRole('heading', { name: 'Waitlist' })).toBeTruthy();
    expect(app.history.get()).toBe('/reception/waitlist');
  });

  it('validates before sending and says what the API says about a wrong password', async () => {
    const app = renderApp({ path: '/sign-in', handlers: { Login: () => apiError('UNAUTHENTICATED', 'Wrong e-mail or password') } });
    signIn('not-an-email', '');
    expect(await screen.findByText('Enter your e-mail address.')).toBeTruthy();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    expect(app.gateway.named('Login')).toHaveLength(0);
    signIn('someone@clinigraph.local', 'wrong');
    expect((await screen.findByRole('alert')).textContent).toContain('Wrong e-mail or password');
    expect(screen.getByRole('form', { name: 'Sign in' })).toBeTruthy();
  });

  it('shows only the areas of the roles held', async () => {
    renderApp({ path: '/reception', account: receptionist, handlers: quietBoard });
    const areas = await screen.findByRole('navigation', { name: 'Areas' });
    expect([...areas.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['Reception']);
    expect(screen.getByRole('navigation', { name: 'Reception pages' })).toBeTruthy();
  });

  it('refuses a staff page to a patient who types its URL', async () => {
    const app = renderApp({ path: '/admin/audit', account: patient });
    expect(await screen.findByRole('heading', { name: 'This page is not available to you' })).toBeTruthy();
    expect(app.gateway.named('AuditEvents')).toHaveLength(0);
    const areas = screen.getByRole('navigation', { name: 'Areas' });
    expect([...areas.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['My health']);
  });

  it('sends each person from / to their own start page', async () => {
    const app = renderApp({
      path: '/',
      account: patient,
      handlers: { MyAppointments: () => ({ data: { patient: { id: 'pat-1', appointments: [] }, waitlist: [] } }) },
    });
    await waitFor(() => expect(app.history.get()).toBe('/portal'));
  });

  it('signs out: revokes the refresh token with logout and forgets the session', async () => {
    const app = renderApp({ path: '/reception', account: receptionist, handlers: { ...quietBoard, Logout: () => ({ data: { logout: true } }) } });
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('form', { name: 'Sign in' })).toBeTruthy();
    expect(app.gateway.named('Logout')[0]?.variables).toEqual({ refreshToken: 'refresh-1' });
    expect(app.session.account()).toBeNull();
    expect(app.storage.length).toBe(0);
  });

  it('registers a patient, validating first, and signs them in to the portal', async () => {
    const app = renderApp({
      path: '/register',
      handlers: {
        RegisterPatient: (v) => ({
          data: { registerPatient: authPayload(accountWith(['PATIENT'], { displayName: `${v.input.givenName} ${v.input.familyName}`, patientId: 'pat-9' })) },
        }),
        MyAppointments: () => ({ data: { patient: { id: 'pat-9', appointments: [] }, waitlist: [] } }),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Use at least 10 characters.')).toBeTruthy();
    expect(app.gateway.named('RegisterPatient')).toHaveLength(0);
    const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
    type('First name', 'Nora');
    type('Last name', 'Lind');
    type('Date of birth', '1990-05-01');
    type('E-mail', 'nora@example.com');
    type('Password (at least 10 characters)', 'a-long-password');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('heading', { name: 'My appointments' })).toBeTruthy();
    expect(app.gateway.named('RegisterPatient')[0]?.variables.input).toEqual({
      givenName: 'Nora',
      familyName: 'Lind',
      dateOfBirth: '1990-05-01',
      sex: 'UNKNOWN',
      email: 'nora@example.com',
      password: 'a-long-password',
    });
    expect(app.session.account()?.patientId).toBe('pat-9');
  });
});
