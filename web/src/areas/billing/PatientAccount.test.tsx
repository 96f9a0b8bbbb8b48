import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { PatientAccount } from './PatientAccount.tsx';

afterEach(cleanup);

const maria = { id: 'pat-1', mrn: 'MRN-0001', displayName: 'Maria Garcia', dateOfBirth: '1980-02-03', phone: '+1 555 0100' };

describe("a patient's account", () => {
  it("shows the picked patient's credit, insurance cards and charges, and a form for a new charge", async () => {
    const view = renderComponent(() => <PatientAccount />, {
      account: accountWith(['BILLING']),
      handlers: {
        SearchPatients: () => ({ data: { patients: { nodes: [maria] } } }),
        PatientCredit: () => ({ data: { patientCredit: [{ currency: 'USD', balanceMinor: 1200 }] } }),
        PatientInsuranceDetails: () => ({ data: { patient: { id: 'pat-1', insurance: [] } } }),
        PatientCharges: () => ({ data: { charges: { nodes: [] } } }),
      },
    });
    fireEvent.input(screen.getByLabelText('Patient'), { target: { value: 'Maria' } });
    fireEvent.click(await screen.findByRole('button', { name: /Maria Garcia/ }));
    expect(await screen.findByText('$12.00 available')).toBeTruthy();
    expect(await screen.findByText('No insurance card on file.')).toBeTruthy();
    expect(await screen.findByText('No charges for this patient.')).toBeTruthy();
    expect(await screen.findByRole('form', { name: 'New charge' })).toBeTruthy();
    expect(view.gateway.named('PatientCharges')[0]?.variables).toEqual({ patientId: 'pat-1' });
  });
});
