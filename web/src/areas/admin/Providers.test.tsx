import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

const riverside = {
  id: 'fac-1',
  code: 'RIV',
  name: 'Riverside Clinic',
  timezone: 'America/New_York',
  address: null,
  phone: null,
  departments: [
    { id: 'dep-1', name: 'General Practice' },
    { id: 'dep-2', name: 'Dentistry' },
  ],
};

const okafor = {
  id: 'prov-1',
  givenName: 'Amara',
  familyName: 'Okafor',
  title: 'Dr.',
  displayName: 'Dr. Amara Okafor',
  specialty: 'General Practice',
  qualifications: ['MBBS'],
  licenseNumber: 'GP-1001',
  consultationFeeMinor: 4500,
  currency: 'USD',
  departments: [{ id: 'dep-1', name: 'General Practice' }],
  facilities: [{ id: 'fac-1', name: 'Riverside Clinic' }],
};

type Input = Record<string, any>;
const places = (input: Input) => ({
  facilities: (input.facilityIds as string[]).map((id) => ({ id, name: riverside.name })),
  departments: riverside.departments.filter((d) => (input.departmentIds as string[]).includes(d.id)),
});

/** The providers page against a gateway that keeps what it is sent, as the API would. */
function providersPage(handlers: Parameters<typeof renderApp>[0]['handlers'] = {}) {
  const providers = [structuredClone(okafor)];
  const app = renderApp({
    path: '/admin/providers',
    account: accountWith(['ADMIN']),
    handlers: {
      AdminProviders: () => ({ data: { providers } }),
      AdminFacilities: () => ({ data: { facilities: [riverside] } }),
      CreateProvider: ({ input }) => {
        const { facilityIds: _f, departmentIds: _d, ...fields } = input;
        const row = { id: 'prov-9', displayName: `${input.title ?? ''} ${input.givenName} ${input.familyName}`.trim(), ...fields, ...places(input) };
        providers.push(row);
        return { data: { createProvider: { __typename: 'Provider', ...row } } };
      },
      UpdateProvider: ({ id, input }) => {
        const row = providers.find((p) => p.id === id)!;
        const { facilityIds: _f, departmentIds: _d, ...fields } = input;
        Object.assign(row, fields, places(input));
        return { data: { updateProvider: { __typename: 'Provider', ...row } } };
      },
      SetProviderBillingSpecialty: (v) => ({ data: { setProviderBillingSpecialty: { specialty: v.specialty } } }),
      ...handlers,
    },
  });
  return { app, providers };
}

const fill = (form: HTMLElement, label: string, value: string) => fireEvent.input(within(form).getByLabelText(label), { target: { value } });

describe('providers', () => {
  it('lists each provider with specialty, places and fee', async () => {
    providersPage();
    const row = (await screen.findByText('Dr. Amara Okafor')).closest('tr')!;
    expect(row.textContent).toContain('MBBS · Licence GP-1001');
    expect(row.textContent).toContain('Riverside Clinic');
    expect(row.textContent).toContain('$45.00');
  });

  it('creates a provider at a facility and department, sets their billing specialty, and lists them at once', async () => {
    const { app } = providersPage();
    await screen.findByText('Dr. Amara Okafor');
    const form = screen.getByRole('form', { name: 'New provider' });
    fill(form, 'Title', 'Dr.');
    fill(form, 'Given name', 'Jonas');
    fill(form, 'Family name', 'Weber');
    fill(form, 'Specialty', 'Dentistry');
    fill(form, 'Billing specialty', 'Dental surgery');
    fill(form, 'Qualifications', 'DDS, MSc');
    fill(form, 'Consultation fee', '60');
    fireEvent.click(await within(form).findByRole('checkbox', { name: 'Riverside Clinic' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Dentistry' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Create provider' }));
    expect(await screen.findByText('Dr. Jonas Weber')).toBeTruthy();
    expect(app.gateway.named('CreateProvider')[0]?.variables.input).toEqual({
      givenName: 'Jonas',
      familyName: 'Weber',
      title: 'Dr.',
      specialty: 'Dentistry',
      qualifications: ['DDS', 'MSc'],
      licenseNumber: null,
      consultationFeeMinor: 6000,
      currency: 'USD',
      facilityIds: ['fac-1'],
      departmentIds: ['dep-2'],
    });
    expect(app.gateway.named('SetProviderBillingSpecialty').map((s) => s.variables)).toEqual([{ providerId: 'prov-9', specialty: 'Dental surgery' }]);
  });

  it('edits a provider’s fee, and the table shows it without a reload; their billing specialty stays', async () => {
    const { app } = providersPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Dr. Amara Okafor' }));
    const form = screen.getByRole('form', { name: 'Edit Dr. Amara Okafor' });
    expect((within(form).getByLabelText('Consultation fee') as HTMLInputElement).value).toBe('45.00');
    fill(form, 'Consultation fee', '50.50');
    fireEvent.click(within(form).getByRole('button', { name: 'Save provider' }));
    await waitFor(() => expect(screen.getByText('Dr. Amara Okafor').closest('tr')!.textContent).toContain('$50.50'));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit Dr. Amara Okafor' })).toBeNull());
    expect(app.gateway.named('SetProviderBillingSpecialty')).toHaveLength(0);
  });

  it('shows the API’s verdict next to the field it concerns', async () => {
    const { app } = providersPage({
      CreateProvider: () =>
        apiError('BAD_USER_INPUT', 'currency: is not an ISO 4217 currency code', {
          issues: [{ path: 'currency', message: 'is not an ISO 4217 currency code' }],
        }),
    });
    await screen.findByText('Dr. Amara Okafor');
    const form = screen.getByRole('form', { name: 'New provider' });
    fireEvent.click(within(form).getByRole('button', { name: 'Create provider' }));
    expect(await within(form).findByText('Enter the given name.')).toBeTruthy();
    fill(form, 'Given name', 'Lou');
    fill(form, 'Family name', 'Lab');
    fill(form, 'Specialty', 'Pathology');
    fill(form, 'Consultation fee', '10');
    fill(form, 'Currency', 'XYZ');
    fireEvent.click(within(form).getByRole('button', { name: 'Create provider' }));
    const currency = within(form).getByLabelText('Currency');
    await waitFor(() => expect(currency.getAttribute('aria-invalid')).toBe('true'));
    expect(currency.parentElement!.querySelector('.field-error')?.textContent).toBe('is not an ISO 4217 currency code');
    expect(app.gateway.named('SetProviderBillingSpecialty')).toHaveLength(0);
  });
});
