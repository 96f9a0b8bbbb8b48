import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { InsuranceDetails } from './InsuranceDetails.tsx';

afterEach(cleanup);

type Detail = { __typename: 'InsuranceDetail'; id: string; payer: string; memberId: string; groupNumber: string | null; validUntil: string | null };
const patient = (insurance: Detail[]) => ({ __typename: 'Patient' as const, id: 'pat-1', insurance });

describe("insurance cards on a patient's record", () => {
  it('adds a card to an empty list and removes it, each seen without a reload', async () => {
    let cards: Detail[] = [];
    const view = renderComponent(() => <InsuranceDetails patientId="pat-1" />, {
      account: accountWith(['BILLING']),
      handlers: {
        PatientInsuranceDetails: () => ({ data: { patient: patient(cards) } }),
        AddInsuranceDetail: (v) => {
          cards = [
            {
              __typename: 'InsuranceDetail',
              id: 'ins-1',
              payer: v.input.payer,
              memberId: v.input.memberId,
              groupNumber: v.input.groupNumber ?? null,
              validUntil: null,
            },
          ];
          return { data: { addInsuranceDetail: patient(cards) } };
        },
        RemoveInsuranceDetail: () => {
          cards = [];
          return { data: { removeInsuranceDetail: patient(cards) } };
        },
      },
    });
    expect(await screen.findByText('No insurance card on file.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add card' }));
    expect(await screen.findByText('Name the insurer.')).toBeTruthy();
    expect(screen.getByText('Enter the member number.')).toBeTruthy();
    expect(view.gateway.named('AddInsuranceDetail')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Insurer'), { target: { value: 'Acme Health' } });
    fireEvent.input(screen.getByLabelText('Member number'), { target: { value: 'M-77' } });
    fireEvent.input(screen.getByLabelText('Group number'), { target: { value: 'G-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add card' }));
    expect(await screen.findByText(/Acme Health · member M-77 · group G-1/)).toBeTruthy();
    expect(view.gateway.named('AddInsuranceDetail')[0]?.variables).toEqual({
      patientId: 'pat-1',
      input: { payer: 'Acme Health', memberId: 'M-77', groupNumber: 'G-1' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove Acme Health card M-77' }));
    expect(await screen.findByText('No insurance card on file.')).toBeTruthy();
    expect(view.gateway.named('RemoveInsuranceDetail')[0]?.variables).toEqual({ id: 'ins-1' });
  });
});
