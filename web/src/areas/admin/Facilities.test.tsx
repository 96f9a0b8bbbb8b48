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
  address: '1 River Road',
  phone: null,
  departments: [{ id: 'dep-1', name: 'General Practice' }],
};

/** The facilities page against a gateway that keeps what it is sent, as the API would. */
function facilitiesPage(handlers: Parameters<typeof renderApp>[0]['handlers'] = {}) {
  const facilities = [structuredClone(riverside)];
  const app = renderApp({
    path: '/admin/facilities',
    account: accountWith(['ADMIN']),
    handlers: {
      AdminFacilities: () => ({ data: { facilities } }),
      CreateFacility: (v) => {
        const row = { id: `fac-${facilities.length + 1}`, address: null, phone: null, ...v.input, departments: [] };
        facilities.push(row);
        return { data: { createFacility: { __typename: 'Facility', ...row } } };
      },
      UpdateFacility: (v) => {
        const row = facilities.find((f) => f.id === v.id)!;
        Object.assign(row, v.input);
        return { data: { updateFacility: { __typename: 'Facility', ...row } } };
      },
      SetFacilityTimezone: (v) => ({ data: { setFacilityTimezone: { timezone: v.timezone } } }),
      CreateDepartment: (v) => {
        const department = { id: `dep-${Date.now()}`, name: v.input.name };
        facilities.find((f) => f.id === v.input.facilityId)!.departments.push(department);
        return { data: { createDepartment: { __typename: 'Department', ...department, facility: { id: v.input.facilityId } } } };
      },
      ...handlers,
    },
  });
  return { app, facilities };
}

describe('facilities', () => {
  it('lists each facility with its zone, address and departments', async () => {
    facilitiesPage();
    const card = await screen.findByRole('region', { name: 'Riverside Clinic' });
    expect(card.textContent).toContain('America/New_York · 1 River Road');
    expect(within(card).getByText('General Practice')).toBeTruthy();
  });

  it('creates a facility, gives scheduling its zone, and shows it without a reload', async () => {
    const { app } = facilitiesPage();
    await screen.findByRole('region', { name: 'Riverside Clinic' });
    const form = screen.getByRole('form', { name: 'New facility' });
    fireEvent.input(within(form).getByLabelText('Code'), { target: { value: 'HIL' } });
    fireEvent.input(within(form).getByLabelText('Name'), { target: { value: 'Hillside Clinic' } });
    fireEvent.input(within(form).getByLabelText('Time zone'), { target: { value: 'Europe/Berlin' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create facility' }));
    const added = await screen.findByRole('region', { name: 'Hillside Clinic' });
    expect(added.textContent).toContain('Europe/Berlin');
    expect(app.gateway.named('CreateFacility')[0]?.variables.input).toEqual({
      code: 'HIL',
      name: 'Hillside Clinic',
      timezone: 'Europe/Berlin',
      address: null,
      phone: null,
    });
    expect(app.gateway.named('SetFacilityTimezone').map((s) => s.variables)).toEqual([{ facilityId: 'fac-2', timezone: 'Europe/Berlin' }]);
  });

  it('edits a facility’s zone and address, and adds a department, each shown at once', async () => {
    const { app } = facilitiesPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Riverside Clinic' }));
    const form = screen.getByRole('form', { name: 'Edit Riverside Clinic' });
    fireEvent.input(within(form).getByLabelText('Time zone'), { target: { value: 'America/Chicago' } });
    fireEvent.input(within(form).getByLabelText('Address'), { target: { value: '2 Lake Street' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save facility' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Riverside Clinic' }).textContent).toContain('America/Chicago · 2 Lake Street'));
    expect(app.gateway.named('SetFacilityTimezone')[0]?.variables).toEqual({ facilityId: 'fac-1', timezone: 'America/Chicago' });
    expect(within(screen.getByRole('region', { name: 'Riverside Clinic' })).getByText(/Save the billing settings below/).textContent).toBe(
      'Scheduling now uses America/Chicago. Save the billing settings below so invoices date services in it too.',
    );

    const add = screen.getByRole('form', { name: 'Add a department to Riverside Clinic' });
    fireEvent.input(within(add).getByLabelText('Department'), { target: { value: 'Dentistry' } });
    fireEvent.click(within(add).getByRole('button', { name: 'Add department' }));
    expect(await within(screen.getByRole('region', { name: 'Departments of Riverside Clinic' })).findByText('Dentistry')).toBeTruthy();
  });

  it('saves the billing currency and tax number in the facility’s zone', async () => {
    const { app } = facilitiesPage({
      SetBillingFacility: (v) => ({ data: { setBillingFacility: { timeZone: v.timeZone, currency: v.currency, taxNumber: v.taxNumber ?? null } } }),
    });
    const form = await screen.findByRole('form', { name: 'Billing settings of Riverside Clinic' });
    fireEvent.input(within(form).getByLabelText('Billing currency'), { target: { value: 'eur' } });
    fireEvent.input(within(form).getByLabelText('Tax or registration number'), { target: { value: 'DE-123456789' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save billing settings' }));
    expect((await within(form).findByRole('status')).textContent).toBe('Billing uses EUR in America/New_York, tax number DE-123456789.');
    expect(app.gateway.named('SetBillingFacility')[0]?.variables).toEqual({
      facilityId: 'fac-1',
      timeZone: 'America/New_York',
      currency: 'EUR',
      taxNumber: 'DE-123456789',
    });
  });

  it('checks the zone before sending, and shows the API’s verdict next to the field it concerns', async () => {
    const { app } = facilitiesPage({
      CreateFacility: () =>
        apiError('BAD_USER_INPUT', 'code: must be 2–16 letters, digits or dashes', {
          issues: [{ path: 'input.code', message: 'is already taken by a closed site' }],
        }),
    });
    await screen.findByRole('region', { name: 'Riverside Clinic' });
    const form = screen.getByRole('form', { name: 'New facility' });
    fireEvent.input(within(form).getByLabelText('Code'), { target: { value: 'OLD' } });
    fireEvent.input(within(form).getByLabelText('Name'), { target: { value: 'Old Town' } });
    fireEvent.input(within(form).getByLabelText('Time zone'), { target: { value: 'GMT+2' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create facility' }));
    expect(await within(form).findByText('Choose a time zone from the list, e.g. Europe/Berlin.')).toBeTruthy();
    expect(app.gateway.named('CreateFacility')).toHaveLength(0);
    fireEvent.input(within(form).getByLabelText('Time zone'), { target: { value: 'Europe/Lisbon' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create facility' }));
    const code = within(form).getByLabelText('Code');
    await waitFor(() => expect(code.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(code.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent).toBe('is already taken by a closed site');
    expect(app.gateway.named('SetFacilityTimezone')).toHaveLength(0);
  });

  it('marks the code when another facility already uses it (CONFLICT naming the field)', async () => {
    facilitiesPage({
      CreateFacility: () =>
        apiError('CONFLICT', 'A facility with this code already exists', { issues: [{ path: 'code', message: 'is already used by another facility' }] }),
    });
    await screen.findByRole('region', { name: 'Riverside Clinic' });
    const form = screen.getByRole('form', { name: 'New facility' });
    fireEvent.input(within(form).getByLabelText('Code'), { target: { value: 'RIV' } });
    fireEvent.input(within(form).getByLabelText('Name'), { target: { value: 'Riverside again' } });
    fireEvent.input(within(form).getByLabelText('Time zone'), { target: { value: 'Europe/Berlin' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create facility' }));
    const code = within(form).getByLabelText('Code');
    await waitFor(() => expect(code.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(code.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent).toBe('is already used by another facility');
    expect(within(form).getByRole('alert').textContent).toContain('A facility with this code already exists');
  });
});
