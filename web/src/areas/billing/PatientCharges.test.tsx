import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import type { ChargeInfo } from './account-queries.ts';
import { NewChargeForm } from './NewChargeForm.tsx';
import { PatientCharges } from './PatientCharges.tsx';

afterEach(cleanup);

const charge = (overrides: Partial<ChargeInfo> = {}) => ({
  __typename: 'Charge' as const,
  id: 'ch-1',
  status: 'PENDING' as const,
  serviceType: 'PROCEDURE' as const,
  code: 'DRESS',
  description: 'Wound dressing',
  quantity: 1,
  unitPriceMinor: 2500,
  currency: 'USD',
  serviceDate: '2026-11-30',
  unpriced: false,
  voidReason: null,
  invoiceId: null,
  ...overrides,
});

describe("a patient's charges", () => {
  it('an empty list shows the first charge added, without a reload', async () => {
    const charges: ReturnType<typeof charge>[] = [];
    renderComponent(
      () => (
        <>
          <PatientCharges patientId="pat-1" />
          <NewChargeForm patientId="pat-1" facilityId="fac-1" today="2026-11-30" />
        </>
      ),
      {
        account: accountWith(['BILLING']),
        handlers: {
          PatientCharges: () => ({ data: { charges: { __typename: 'ChargeConnection', nodes: charges } } }),
          CreateCharge: () => {
            charges.push(charge());
            return { data: { createCharge: charge() } };
          },
        },
      },
    );
    expect(await screen.findByText('No charges for this patient.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Code'), { target: { value: 'DRESS' } });
    fireEvent.input(screen.getByLabelText('Description'), { target: { value: 'Wound dressing' } });
    fireEvent.input(screen.getByLabelText('Unit price'), { target: { value: '25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add charge' }));
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Wound dressing')).toBeTruthy();
  });

  it('voids a pending charge with a reason and shows it voided', async () => {
    let current = charge();
    const view = renderComponent(() => <PatientCharges patientId="pat-1" />, {
      account: accountWith(['BILLING']),
      handlers: {
        PatientCharges: () => ({ data: { charges: { nodes: [current] } } }),
        VoidCharge: (v) => {
          current = charge({ status: 'VOID', voidReason: v.reason });
          return { data: { voidCharge: current } };
        },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Void…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Void charge' }));
    expect(await screen.findByText('Say why this charge is voided.')).toBeTruthy();
    expect(view.gateway.named('VoidCharge')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Reason for voiding'), { target: { value: 'Entered twice' } });
    fireEvent.click(screen.getByRole('button', { name: 'Void charge' }));
    expect(await screen.findByText(/Void · Entered twice/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Void…' })).toBeNull();
    expect(view.gateway.named('VoidCharge')[0]?.variables).toEqual({ id: 'ch-1', reason: 'Entered twice' });
  });
});
