import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

const prescription = {
  id: 'rx-1',
  status: 'FINALISED',
  patient: { id: 'pat-2', displayName: 'James Chen', mrn: 'CG02', allergies: [] },
  items: [{ id: 'rxi-1', medicineName: 'Paracetamol 500 mg tablets', quantity: 24, dispensedQuantity: 0, item: { id: 'item-para' } }],
};
const preview = (quantity: number) => ({
  item: { id: 'item-para', name: 'Paracetamol 500 mg tablets', unit: 'tablet' },
  requested: quantity,
  available: 750,
  sufficient: true,
  allocations: [{ quantity, lotNumber: 'PCM-2410', expiresOn: '2027-01-23' }],
});

function dispensePage(dispense: () => any) {
  return renderApp({
    path: '/pharmacy/dispense/rx-1',
    account: accountWith(['PHARMACIST']),
    handlers: {
      Locations: () => ({
        data: {
          locations: [
            { id: 'loc-store', code: 'STORE', name: 'Main store', kind: 'STORE' },
            { id: 'loc-pharm', code: 'PHARM', name: 'Pharmacy', kind: 'PHARMACY' },
          ],
        },
      }),
      PrescriptionToDispense: () => ({ data: { prescription } }),
      DispensePreview: (v) => ({ data: { dispensePreview: [preview(v.input.lines[0].quantity)] } }),
      DispensePrescription: dispense,
    },
  });
}

describe('dispensing', () => {
  it('previews the lots FEFO will take, for the quantity typed, before taking anything', async () => {
    const app = dispensePage(() => ({}));
    expect(await screen.findByText('24 from PCM-2410 (expires Sat, Jan 23, 2027)')).toBeTruthy();
    expect(app.gateway.named('DispensePreview')[0]?.variables.input).toEqual({ locationId: 'loc-pharm', lines: [{ itemId: 'item-para', quantity: 24 }] });
    fireEvent.input(screen.getByLabelText('Paracetamol 500 mg tablets — quantity (of 24 left)'), { target: { value: '10' } });
    expect(await screen.findByText(/10 from PCM-2410/)).toBeTruthy();
    expect(app.gateway.named('DispensePrescription')).toHaveLength(0);
  });

  it('refuses more than is left, and explains INSUFFICIENT_STOCK in plain words', async () => {
    const app = dispensePage(() => apiError('INSUFFICIENT_STOCK', 'Paracetamol 500 mg tablets: 24 needed, 20 unexpired on hand'));
    const field = await screen.findByLabelText('Paracetamol 500 mg tablets — quantity (of 24 left)');
    fireEvent.input(field, { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Dispense' }));
    expect((await screen.findByRole('alert')).textContent).toContain('give between 0 and 24');
    fireEvent.input(field, { target: { value: '24' } });
    fireEvent.click(screen.getByRole('button', { name: 'Dispense' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('There is not enough stock to fill this. Nothing was taken from the shelf.'));
    expect(screen.getByRole('alert').textContent).toContain('24 needed, 20 unexpired on hand');
    expect(app.gateway.named('DispensePrescription')[0]?.variables.input).toEqual({
      prescriptionId: 'rx-1',
      locationId: 'loc-pharm',
      lines: [{ itemId: 'item-para', prescriptionItemId: 'rxi-1', quantity: 24 }],
    });
  });
});
