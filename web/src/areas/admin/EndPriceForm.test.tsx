import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { EndPriceForm } from './EndPriceForm.tsx';

afterEach(cleanup);

const form = () => <EndPriceForm entryId="pl-1" label="Consultation (CONSULT)" effectiveFrom="2026-01-01" today="2026-11-30" />;

describe('ending a price from a date', () => {
  it('wants a day after the price started, then ends it', async () => {
    const view = renderComponent(form, {
      account: accountWith(['ADMIN']),
      handlers: { EndPriceListEntry: (v) => ({ data: { endPriceListEntry: { id: 'pl-1', effectiveTo: v.effectiveTo } } }) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'End price Consultation (CONSULT)' }));
    expect((screen.getByLabelText('No longer charged from') as HTMLInputElement).value).toBe('2026-11-30');
    fireEvent.input(screen.getByLabelText('No longer charged from'), { target: { value: '2025-12-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'End price' }));
    expect(await screen.findByText('Choose a day after the price started.')).toBeTruthy();
    expect(view.gateway.named('EndPriceListEntry')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('No longer charged from'), { target: { value: '2027-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'End price' }));
    expect(await screen.findByRole('button', { name: 'End price Consultation (CONSULT)' })).toBeTruthy();
    expect(view.gateway.named('EndPriceListEntry')[0]?.variables).toEqual({ id: 'pl-1', effectiveTo: '2027-01-01' });
  });

  it("shows the API's refusal in plain words", async () => {
    renderComponent(form, {
      account: accountWith(['ADMIN']),
      handlers: { EndPriceListEntry: () => apiError('INVALID_STATE', 'This price already ends on 2026-06-01') },
    });
    fireEvent.click(screen.getByRole('button', { name: 'End price Consultation (CONSULT)' }));
    fireEvent.click(screen.getByRole('button', { name: 'End price' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This price already ends on 2026-06-01');
  });
});
