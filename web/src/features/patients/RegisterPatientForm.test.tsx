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
});
