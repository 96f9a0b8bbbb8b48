import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { maskFragments } from '../../lib/graphql.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { Prescribe } from './Prescribe.tsx';
import { PRESCRIPTION_FIELDS } from './queries.ts';

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

  it('refuses a quantity or a duration beyond what the API takes, before sending', async () => {
    const view = renderComponent(() => <Prescribe encounterId="enc-1" prescriptions={[]} editable onChanged={vi.fn()} />, {
      account: accountWith(['DOCTOR']),
      handlers: { Medicines: () => ({ data: { items: [{ id: 'item-para', name: 'Paracetamol 500 mg tablets', strength: '500 mg', form: 'tablet' }] } }) },
    });
    await screen.findByRole('option', { name: 'Paracetamol 500 mg tablets' });
    fireEvent.change(screen.getByLabelText('Medicine'), { target: { value: 'item-para' } });
    for (const [label, value] of [
      ['Dose', '1 g'],
      ['Frequency', '4 times a day'],
      ['Days', '400'],
      ['Quantity', '99999999999'],
    ])
      fireEvent.input(screen.getByLabelText(label!), { target: { value } });
    fireEvent.click(screen.getByRole('button', { name: 'Start prescription' }));
    expect(await screen.findByText('Enter a whole number up to 365.')).toBeTruthy();
    expect(screen.getByText('Enter a whole number up to 10,000.')).toBeTruthy();
    expect(view.gateway.named('CreatePrescription')).toHaveLength(0);
    // The form shows what was typed and says why it is refused, rather than silently cutting digits off.
    for (const label of ['Days', 'Quantity']) expect(screen.getByLabelText(label).hasAttribute('maxlength')).toBe(false);
  });

  it('lets the doctor discard a draft, even an empty one', async () => {
    const changed = vi.fn();
    const draft = maskFragments([PRESCRIPTION_FIELDS], { id: 'rx-1', status: 'DRAFT', createdAt: '2026-11-24T09:30:00.000Z', items: [] });
    const view = renderComponent(() => <Prescribe encounterId="enc-1" prescriptions={[draft]} editable onChanged={changed} />, {
      account: accountWith(['DOCTOR']),
      handlers: {
        Medicines: () => ({ data: { items: [] } }),
        DiscardPrescriptionDraft: (v) => ({ data: { cancelPrescription: { __typename: 'Prescription', id: v.id, status: 'CANCELLED' } } }),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Discard draft' }));
    await waitFor(() => expect(changed).toHaveBeenCalled());
    expect(view.gateway.named('DiscardPrescriptionDraft')[0]?.variables).toMatchObject({ id: 'rx-1' });
  });
});
