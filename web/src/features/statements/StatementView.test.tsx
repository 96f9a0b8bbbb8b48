import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureDownloads } from '../../testing/downloads.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { StatementView } from './StatementView.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('a patient statement', () => {
  it('shows totals and every entry with its running balance', async () => {
    const view = renderComponent(() => <StatementView patientId="pat-1" />, {
      account: accountWith(['BILLING']),
      handlers: {
        PatientStatement: () => ({
          data: {
            patientStatement: [
              {
                currency: 'USD',
                openingBalanceMinor: 0,
                closingBalanceMinor: 4000,
                outstandingMinor: 4000,
                creditMinor: 0,
                insurancePendingMinor: 6000,
                entries: [
                  { at: '2026-03-02T10:00:00Z', kind: 'INVOICE', reference: 'INV-1', description: 'Visit', amountMinor: 10_000, balanceMinor: 10_000 },
                  { at: '2026-03-03T10:00:00Z', kind: 'PAYMENT', reference: 'R-1', description: 'Card', amountMinor: -6000, balanceMinor: 4000 },
                ],
              },
            ],
          },
        }),
      },
    });
    const table = (await screen.findByText(/awaiting insurance \$60\.00/)).closest('table')!;
    expect(table.textContent).toContain('owes $40.00');
    const payment = screen.getByRole('rowheader', { name: 'R-1' }).closest('tr')!;
    expect(payment.textContent).toContain('Payment · Card');
    expect(payment.textContent).toContain('-$60.00');
    expect(view.gateway.named('PatientStatement')[0]?.variables).toEqual({ patientId: 'pat-1' });
  });

  it('says when nothing was billed', async () => {
    renderComponent(() => <StatementView patientId="pat-2" />, {
      account: accountWith(['BILLING']),
      handlers: { PatientStatement: () => ({ data: { patientStatement: [] } }) },
    });
    expect(await screen.findByText('Nothing billed yet.')).toBeTruthy();
  });

  it('gives a patient their own statement, and its PDF only when they ask for it', async () => {
    const downloads = captureDownloads();
    const view = renderComponent(() => <StatementView />, {
      account: accountWith(['PATIENT']),
      handlers: {
        PatientStatement: () => ({
          data: {
            patientStatement: [
              { currency: 'USD', openingBalanceMinor: 0, closingBalanceMinor: 0, outstandingMinor: 0, creditMinor: 0, insurancePendingMinor: 0, entries: [] },
            ],
          },
        }),
        StatementPdf: () => ({ data: { patientStatement: [{ currency: 'USD', pdfBase64: btoa('%PDF-1.7') }] } }),
      },
    });
    const button = await screen.findByRole('button', { name: 'Download USD statement (PDF)' });
    expect(view.gateway.named('PatientStatement')[0]?.variables).toEqual({ patientId: null });
    expect(view.gateway.named('StatementPdf')).toHaveLength(0);
    fireEvent.click(button);
    await waitFor(() => expect(downloads.map((d) => d.filename)).toEqual(['statement-usd.pdf']));
    expect(view.gateway.named('StatementPdf')[0]?.variables).toEqual({ patientId: null, currency: 'USD' });
  });
});
