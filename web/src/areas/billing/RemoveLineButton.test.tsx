import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { invoiceDetail } from '../../testing/fixtures.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { RemoveLineButton } from './RemoveLineButton.tsx';

afterEach(cleanup);

describe('removing a line from a draft invoice', () => {
  it('sends the line and shows a refusal in plain words', async () => {
    let first = true;
    const view = renderComponent(() => <RemoveLineButton lineId="line-1" label="Consultation" />, {
      account: accountWith(['BILLING']),
      handlers: {
        RemoveInvoiceLine: () => {
          if (!first) return { data: { removeInvoiceLine: invoiceDetail({ status: 'DRAFT', lines: [] }) } };
          first = false;
          return apiError('INVALID_STATE', 'Only a draft invoice can change');
        },
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove Consultation' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Only a draft invoice can change');
    fireEvent.click(screen.getByRole('button', { name: 'Remove Consultation' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(view.gateway.named('RemoveInvoiceLine').map((s) => s.variables)).toEqual([{ lineId: 'line-1' }, { lineId: 'line-1' }]);
  });
});
