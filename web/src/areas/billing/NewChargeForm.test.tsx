import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { NewChargeForm } from './NewChargeForm.tsx';

afterEach(cleanup);

const created = {
  id: 'ch-1',
  status: 'PENDING',
  serviceType: 'PROCEDURE',
  code: 'ECG',
  description: 'Electrocardiogram',
  quantity: 2,
  unitPriceMinor: 4500,
  currency: 'USD',
  serviceDate: '2026-11-30',
  unpriced: false,
  voidReason: null,
  invoiceId: null,
};

describe('entering a charge by hand', () => {
  it("looks up the price list's price for the day and charges at it", async () => {
    const view = renderComponent(() => <NewChargeForm patientId="pat-1" facilityId="fac-1" today="2026-11-30" />, {
      account: accountWith(['BILLING']),
      handlers: {
        EffectivePrice: () => ({
          data: { effectivePrice: { id: 'pl-7', code: 'ECG', description: 'Electrocardiogram', amountMinor: 4500, currency: 'USD', taxRateBasisPoints: 0 } },
        }),
        CreateCharge: () => ({ data: { createCharge: created } }),
      },
    });
    fireEvent.input(screen.getByLabelText('Code'), { target: { value: 'ECG' } });
    fireEvent.click(screen.getByRole('button', { name: 'Look up price' }));
    expect(await screen.findByText('Price list: $45.00.')).toBeTruthy();
    expect((screen.getByLabelText('Description') as HTMLInputElement).value).toBe('Electrocardiogram');
    expect(view.gateway.named('EffectivePrice')[0]?.variables).toEqual({ facilityId: 'fac-1', serviceType: 'PROCEDURE', on: '2026-11-30', code: 'ECG' });
    fireEvent.input(screen.getByLabelText('Quantity'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add charge' }));
    expect(await screen.findByText('Charge added: Electrocardiogram.')).toBeTruthy();
    expect(view.gateway.named('CreateCharge')[0]?.variables.input).toEqual({
      patientId: 'pat-1',
      facilityId: 'fac-1',
      quantity: 2,
      serviceDate: '2026-11-30',
      priceListEntryId: 'pl-7',
    });
  });

  it('checks the fields, and puts the API’s field errors next to them', async () => {
    const view = renderComponent(() => <NewChargeForm patientId="pat-1" facilityId="fac-1" today="2026-11-30" />, {
      account: accountWith(['BILLING']),
      handlers: {
        EffectivePrice: () => ({ data: { effectivePrice: null } }),
        CreateCharge: () => apiError('BAD_USER_INPUT', 'input.code: Too big', { issues: [{ path: 'input.code', message: 'Use at most 40 characters.' }] }),
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Look up price' }));
    expect(await screen.findByText(/No price on the price list/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Quantity'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add charge' }));
    expect(await screen.findByText('Enter a price, e.g. 45.00.')).toBeTruthy();
    expect(screen.getByText('Enter a whole number above zero.')).toBeTruthy();
    expect(view.gateway.named('CreateCharge')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Code'), { target: { value: 'X'.repeat(41) } });
    fireEvent.input(screen.getByLabelText('Description'), { target: { value: 'Sundry' } });
    fireEvent.input(screen.getByLabelText('Unit price'), { target: { value: '3' } });
    fireEvent.input(screen.getByLabelText('Quantity'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add charge' }));
    const message = await screen.findByText('Use at most 40 characters.', { selector: '.field-error' });
    expect(screen.getByLabelText('Code').getAttribute('aria-describedby')).toContain(message.id);
  });
});
