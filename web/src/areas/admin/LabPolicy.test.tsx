import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { LabPolicy } from './LabPolicy.tsx';

afterEach(cleanup);

describe('the lab policy', () => {
  it('lets an admin allow a single-person lab at one facility, the box following the API', async () => {
    const facilities = [
      { id: 'fac-1', name: 'Riverside Clinic', singlePersonLab: false, patientResultDelayHours: 72 },
      { id: 'fac-2', name: 'Hillside Clinic', singlePersonLab: false, patientResultDelayHours: 72 },
    ];
    const view = renderComponent(() => <LabPolicy />, {
      account: accountWith(['ADMIN']),
      handlers: {
        LabPolicies: () => ({ data: { facilities } }),
        SetFacilityLabPolicy: ({ facilityId, singlePersonLab }) => {
          const f = facilities.find((x) => x.id === facilityId)!;
          f.singlePersonLab = singlePersonLab;
          return { data: { setFacilityLabPolicy: { __typename: 'Facility', id: f.id, singlePersonLab } } };
        },
      },
    });
    const hillside = (await screen.findByLabelText(/Hillside Clinic: one person/)) as HTMLInputElement;
    expect(hillside.checked).toBe(false);
    fireEvent.click(hillside);
    await waitFor(() => expect(view.gateway.named('SetFacilityLabPolicy')).toHaveLength(1));
    expect(view.gateway.named('SetFacilityLabPolicy')[0]?.variables).toEqual({ facilityId: 'fac-2', singlePersonLab: true });
    await waitFor(() => expect((screen.getByLabelText(/Hillside Clinic: one person/) as HTMLInputElement).checked).toBe(true));
    expect((screen.getByLabelText(/Riverside Clinic: one person/) as HTMLInputElement).checked).toBe(false);
  });

  it('sets how long an abnormal result waits for the doctor, and marks an out-of-range answer on the field', async () => {
    const facilities = [{ id: 'fac-1', name: 'Riverside Clinic', singlePersonLab: false, patientResultDelayHours: 72 }];
    const view = renderComponent(() => <LabPolicy />, {
      account: accountWith(['ADMIN']),
      handlers: {
        LabPolicies: () => ({ data: { facilities } }),
        SetPatientResultDelay: ({ hours }) =>
          hours > 720
            ? apiError('BAD_USER_INPUT', 'Invalid input', { issues: [{ path: 'patientReleaseDelayHours', message: 'At most 720 hours (30 days)' }] })
            : { data: { setFacilityLabPolicy: { __typename: 'Facility', id: 'fac-1', patientResultDelayHours: hours } } },
      },
    });
    const hours = (await screen.findByLabelText(/Riverside Clinic: hours/)) as HTMLInputElement;
    expect(hours.value).toBe('72');
    fireEvent.input(hours, { target: { value: '24' } });
    fireEvent.submit(hours.closest('form')!);
    await waitFor(() => expect(view.gateway.named('SetPatientResultDelay')[0]?.variables).toEqual({ facilityId: 'fac-1', hours: 24 }));
    fireEvent.input(hours, { target: { value: '9000' } });
    fireEvent.submit(hours.closest('form')!);
    await waitFor(() => expect(hours.closest('.field')!.textContent).toContain('At most 720 hours'));
    expect(hours.getAttribute('aria-invalid')).toBe('true');
  });
});
