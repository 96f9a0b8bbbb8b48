import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { ClaimDecision } from './ClaimDecision.tsx';
import { ClaimPaymentForm } from './ClaimPaymentForm.tsx';
import type { ClaimInfo } from './claim-queries.ts';

afterEach(cleanup);

const claim: ClaimInfo = {
  id: 'cl-1',
  number: 'CL-0001',
  status: 'SUBMITTED',
  payer: 'Acme Health',
  currency: 'USD',
  claimedMinor: 15_000,
  approvedMinor: null,
  paidMinor: 0,
  denialReason: null,
  patient: { displayName: 'Maya Chen' },
  invoice: {
    id: 'inv-1',
    number: 'INV-1',
    lines: [
      { id: 'il-1', description: 'Consultation' },
      { id: 'il-2', description: 'Blood panel' },
    ],
  },
  lines: [
    { id: 'cll-1', invoiceLineId: 'il-1', claimedMinor: 10_000, approvedMinor: null },
    { id: 'cll-2', invoiceLineId: 'il-2', claimedMinor: 5_000, approvedMinor: null },
  ],
};

const billing = accountWith(['BILLING']);

describe('recording the payer’s decision', () => {
  it('approves in full with no lines named', async () => {
    const onDone = vi.fn();
    const view = renderComponent(() => <ClaimDecision claim={claim} onDone={onDone} />, {
      account: billing,
      handlers: { AdjudicateClaim: () => ({ data: { adjudicateClaim: { ...claim, status: 'APPROVED', approvedMinor: 15_000 } } }) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Record decision' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(view.gateway.named('AdjudicateClaim')[0]?.variables.input).toEqual({ claimId: 'cl-1' });
  });

  it('partially approves line by line, within what was claimed, with a reason', async () => {
    const view = renderComponent(() => <ClaimDecision claim={claim} onDone={() => {}} />, {
      account: billing,
      handlers: { AdjudicateClaim: () => apiError('INVALID_STATE', 'The claim was already decided') },
    });
    fireEvent.change(screen.getByLabelText('Payer decision'), { target: { value: 'PARTIAL' } });
    fireEvent.input(screen.getByLabelText('Approved for Consultation (USD)'), { target: { value: '120' } });
    fireEvent.input(screen.getByLabelText('Approved for Blood panel (USD)'), { target: { value: '50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(await screen.findByText('Enter 0 to $100.00.')).toBeTruthy();
    expect(screen.getByText('Give the payer’s reason for paying less.')).toBeTruthy();
    expect(view.gateway.named('AdjudicateClaim')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Approved for Consultation (USD)'), { target: { value: '80' } });
    fireEvent.input(screen.getByLabelText('Reason'), { target: { value: 'Above the usual fee' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record decision' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The claim was already decided');
    expect(view.gateway.named('AdjudicateClaim')[0]?.variables.input).toEqual({
      claimId: 'cl-1',
      lines: [
        { claimLineId: 'cll-1', approvedMinor: 8000 },
        { claimLineId: 'cll-2', approvedMinor: 5000 },
      ],
      denialReason: 'Above the usual fee',
    });
  });

  it('denies every line with the reason', async () => {
    const view = renderComponent(() => <ClaimDecision claim={claim} onDone={() => {}} />, {
      account: billing,
      handlers: { AdjudicateClaim: () => ({ data: { adjudicateClaim: { ...claim, status: 'DENIED', approvedMinor: 0 } } }) },
    });
    fireEvent.change(screen.getByLabelText('Payer decision'), { target: { value: 'DENY' } });
    fireEvent.input(screen.getByLabelText('Reason'), { target: { value: 'Not covered' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record decision' }));
    await vi.waitFor(() =>
      expect(view.gateway.named('AdjudicateClaim')[0]?.variables.input).toEqual({
        claimId: 'cl-1',
        lines: [
          { claimLineId: 'cll-1', approvedMinor: 0 },
          { claimLineId: 'cll-2', approvedMinor: 0 },
        ],
        denialReason: 'Not covered',
      }),
    );
  });
});

describe('marking a claim paid', () => {
  it('wants an amount up to what is due and the remittance reference', async () => {
    const approved: ClaimInfo = { ...claim, status: 'PARTIALLY_APPROVED', approvedMinor: 13_000 };
    const onDone = vi.fn();
    const view = renderComponent(() => <ClaimPaymentForm claim={approved} onDone={onDone} />, {
      account: billing,
      handlers: { RecordClaimPayment: () => ({ data: { recordClaimPayment: { id: 'pay-1', number: 'R-9', appliedMinor: 13_000 } } }) },
    });
    expect(screen.getByText('Due from the payer: $130.00')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Amount received (USD)'), { target: { value: '140' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mark paid' }));
    expect(await screen.findByText('Enter up to $130.00.')).toBeTruthy();
    expect(screen.getByText('The payer’s remittance reference is needed.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Amount received (USD)'), { target: { value: '130' } });
    fireEvent.input(screen.getByLabelText('Remittance reference'), { target: { value: 'EFT-554' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mark paid' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(view.gateway.named('RecordClaimPayment')[0]?.variables).toEqual({ claimId: 'cl-1', amountMinor: 13_000, reference: 'EFT-554' });
  });
});
