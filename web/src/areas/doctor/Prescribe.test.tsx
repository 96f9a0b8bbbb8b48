import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { Prescribe } from './Prescribe.tsx';

afterEach(cleanup);

describe('prescribing', () => {
  it('checks each line before starting a draft with it', async () => {
    const changed = vi.fn();
    const view = renderComponent(() => <Prescribe encounterId="enc-1" prescriptions={[]} editable onChanged={changed} />, {
      account: accountWith(['DOCTOR']),
      handlers: {
        Medicines: () => ({ data: { items: [{ id: 'item-para', name: 'Paracetamol 500 mg tablets', strength: '500 mg', form: 'tablet' }] } }),
        CreatePrescription: () => ({ data: { createPrescription: { id: 'rx-1', status: 'DRAFT', createdAt: '2026-11-24T09:30:00.000Z', items: [] } } }),
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Start prescription' }));
    expect(await screen.findByText('Choose a medicine.')).toBeTruthy();
    expect(screen.getAllByText('Enter a whole number above zero.')).toHaveLength(2);
    await screen.findByRole('option', { name: 'Paracetamol 500 mg tablets' });
    fireEvent.change(screen.getByLabelText('Medicine'), { target: { value: 'item-para' } });
    for (const [label, value] of [
      ['Dose', '1 g'],
      ['Frequency', '4 times a day'],
      ['Days', '3'],
      ['Quantity', '24'],
    ])
      fireEvent.input(screen.getByLabelText(label!), { target: { value } });
    fireEvent.click(screen.getByRole('button', { name: 'Start prescription' }));
    await waitFor(() => expect(changed).toHaveBeenCalled());
    expect(view.gateway.named('CreatePrescription')[0]?.variables).toEqual({
      encounterId: 'enc-1',
      items: [{ itemId: 'item-para', dose: '1 g', route: 'ORAL', frequency: '4 times a day', durationDays: 3, quantity: 24 }],
    });
  });
});
