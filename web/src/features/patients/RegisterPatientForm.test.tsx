import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { RegisterPatientForm } from './RegisterPatientForm.tsx';

afterEach(cleanup);

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('registering a patient at the desk', () => {
  it('checks the form first, then shows the API’s field issues beside the fields', async () => {
    const view = renderComponent(() => <RegisterPatientForm facilityId="fac-1" />, {
      account: accountWith(['RECEPTIONIST']),
      handlers: {
        CreatePatient: () =>
          apiError('BAD_USER_INPUT', 'input.phone: too short', { issues: [{ path: 'input.phone', message: 'Too short for a phone number' }] }),
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByText('Enter the first name.')).toBeTruthy();
    expect(screen.getByLabelText('Date of birth').getAttribute('aria-invalid')).toBe('true');
    expect(view.gateway.named('CreatePatient')).toHaveLength(0);

    type('First name', 'Nora');
    type('Last name', 'Lind');
    type('Date of birth', '1990-05-01');
    type('Phone', '+1 555 01');
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Please correct the fields marked below.');
    expect(screen.getAllByText('Too short for a phone number').length).toBeGreaterThan(0);
    expect(view.gateway.named('CreatePatient')[0]?.variables.input).toEqual({
      givenName: 'Nora',
      familyName: 'Lind',
      dateOfBirth: '1990-05-01',
      sex: 'UNKNOWN',
      phone: '+1 555 01',
      registeredFacilityId: 'fac-1',
    });
  });

  it('gives the new MRN', async () => {
    renderComponent(() => <RegisterPatientForm />, {
      account: accountWith(['RECEPTIONIST']),
      handlers: {
        CreatePatient: () => ({ data: { createPatient: { id: 'p9', mrn: 'CG09', displayName: 'Nora Lind', dateOfBirth: '1990-05-01', phone: null } } }),
      },
    });
    type('First name', 'Nora');
    type('Last name', 'Lind');
    type('Date of birth', '1990-05-01');
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect((await screen.findByRole('status')).textContent).toContain('Registered Nora Lind with MRN CG09.');
  });

  it('limits the date of birth to the last 130 years and refuses 1800 before sending', async () => {
    const view = renderComponent(() => <RegisterPatientForm />, { account: accountWith(['RECEPTIONIST']), handlers: {} });
    const dob = screen.getByLabelText('Date of birth');
    expect(dob.getAttribute('max')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number(dob.getAttribute('max')!.slice(0, 4)) - Number(dob.getAttribute('min')!.slice(0, 4))).toBe(130);
    type('First name', 'Nora');
    type('Last name', 'Lind');
    type('Date of birth', '1800-01-01');
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByText(/within the last 130 years/)).toBeTruthy();
    expect(view.gateway.named('CreatePatient')).toHaveLength(0);
  });

  it('shows the patients who may be the same person, opens one, or registers anyway when confirmed', async () => {
    const maria = { id: 'p1', mrn: 'CG00000017', displayName: 'Maria Garcia', dateOfBirth: '1985-03-14', phone: '+1 555 0101' };
    const opened: string[] = [];
    const view = renderComponent(() => <RegisterPatientForm onOpenExisting={(p) => opened.push(p.id)} />, {
      account: accountWith(['RECEPTIONIST']),
      handlers: {
        CreatePatient: (v) =>
          v.input.confirmNotDuplicate
            ? { data: { createPatient: { ...maria, id: 'p2', mrn: 'CG00000025' } } }
            : apiError('DUPLICATE_SUSPECTED', 'A patient with the same name, date of birth and phone already exists.', { candidates: [maria] }),
      },
    });
    type('First name', 'María');
    type('Last name', 'García');
    type('Date of birth', '1985-03-14');
    type('Phone', '+1 555 0101');
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect((await screen.findByRole('alert')).textContent).toContain('may already be registered');
    const candidates = screen.getByRole('region', { name: 'Possibly the same patient' });
    expect(candidates.textContent).toContain('Maria Garcia · MRN CG00000017');
    fireEvent.click(screen.getByRole('button', { name: 'Open Maria Garcia' }));
    expect(opened).toEqual(['p1']);
    fireEvent.click(screen.getByRole('button', { name: 'Register anyway: this is someone else' }));
    expect((await screen.findByRole('status')).textContent).toContain('MRN CG00000025');
    expect(view.gateway.named('CreatePatient').map((r) => r.variables.input.confirmNotDuplicate)).toEqual([undefined, true]);
  });

  it('offers an admin, and only an admin, to merge the records the warning found', async () => {
    const found = [
      { id: 'p1', mrn: 'CG00000017', displayName: 'Maria Garcia', dateOfBirth: '1985-03-14', phone: '+1 555 0101' },
      { id: 'p2', mrn: 'CG00000025', displayName: 'Maria Garcia', dateOfBirth: '1985-03-14', phone: null },
    ];
    const warn = () => apiError('DUPLICATE_SUSPECTED', '2 patients with the same name, date of birth and phone already exist.', { candidates: found });
    for (const [role, link] of [
      ['RECEPTIONIST', null],
      ['ADMIN', '/admin/merge-patients?keep=p1&merge=p2'],
    ] as const) {
      renderComponent(() => <RegisterPatientForm />, { account: accountWith([role]), handlers: { CreatePatient: warn } });
      type('First name', 'Maria');
      type('Last name', 'Garcia');
      type('Date of birth', '1985-03-14');
      fireEvent.click(screen.getByRole('button', { name: 'Register' }));
      await screen.findByRole('region', { name: 'Possibly the same patient' });
      expect(screen.queryByRole('link', { name: 'Merge duplicate records' })?.getAttribute('href') ?? null, role).toBe(link);
      cleanup();
    }
  });
});
