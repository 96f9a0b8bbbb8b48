import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import type { LabItemInfo, LabResultInfo } from './queries.ts';
import { ResultEntryForm } from './ResultEntryForm.tsx';

afterEach(cleanup);

const potassium: LabItemInfo = {
  id: 'item-1',
  testCode: 'K',
  testName: 'Potassium',
  unit: 'mmol/L',
  referenceLow: 3.5,
  referenceHigh: 5.1,
  plausibleLow: 1,
  plausibleHigh: 12,
  result: null,
  versions: [],
};
const saved = (extra: Partial<LabResultInfo>): LabResultInfo => ({
  id: 'res-1',
  version: 1,
  value: 6.2,
  text: null,
  flag: 'HIGH',
  comment: null,
  correctionReason: null,
  enteredAt: '2026-03-02T10:00:00Z',
  ...extra,
});

describe('entering a lab result', () => {
  it('shows the reference range, wants a number, and reports the flag the API gave', async () => {
    const onSaved = vi.fn();
    const view = renderComponent(() => <ResultEntryForm item={potassium} onSaved={onSaved} />, {
      account: accountWith(['LAB']),
      handlers: { EnterLabResult: () => ({ data: { enterLabResult: saved({}) } }) },
    });
    expect(screen.getByText('Reference: 3.5–5.1 mmol/L')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Potassium value (mmol/L)'), { target: { value: 'high' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save result' }));
    expect(await screen.findByText('Enter a number, e.g. 4.2.')).toBeTruthy();
    expect(view.gateway.named('EnterLabResult')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Potassium value (mmol/L)'), { target: { value: '6.2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save result' }));
    expect((await screen.findByRole('status')).textContent).toContain('Saved version 1: High.');
    expect(view.gateway.named('EnterLabResult')[0]?.variables).toEqual({ orderItemId: 'item-1', value: 6.2 });
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
  });

  it('asks for a reason before correcting an existing result', async () => {
    const item = { ...potassium, result: saved({}), versions: [saved({})] };
    const view = renderComponent(() => <ResultEntryForm item={item} onSaved={() => {}} />, {
      account: accountWith(['LAB']),
      handlers: { EnterLabResult: () => apiError('INVALID_STATE', 'The order is cancelled') },
    });
    fireEvent.input(screen.getByLabelText('Potassium value (mmol/L)'), { target: { value: '4.8' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save correction' }));
    expect(await screen.findByText('Say why this result is being corrected (at least 5 characters).')).toBeTruthy();
    expect(view.gateway.named('EnterLabResult')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Reason for correction'), { target: { value: 'haemolysed sample' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save correction' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The order is cancelled');
    expect(view.gateway.named('EnterLabResult')[0]?.variables).toEqual({ orderItemId: 'item-1', value: 4.8, correctionReason: 'haemolysed sample' });
  });

  it('sends a text result with the abnormal tick', async () => {
    const culture = { ...potassium, testName: 'Urine culture', unit: null, referenceLow: null, referenceHigh: null, plausibleLow: null, plausibleHigh: null };
    const view = renderComponent(() => <ResultEntryForm item={culture} onSaved={() => {}} />, {
      account: accountWith(['LAB']),
      handlers: { EnterLabResult: () => ({ data: { enterLabResult: saved({ value: null, text: 'E. coli', flag: 'ABNORMAL' }) } }) },
    });
    fireEvent.input(screen.getByLabelText('Urine culture result'), { target: { value: 'E. coli' } });
    fireEvent.click(screen.getByLabelText('Abnormal'));
    fireEvent.click(screen.getByRole('button', { name: 'Save result' }));
    expect((await screen.findByRole('status')).textContent).toContain('Abnormal');
    expect(view.gateway.named('EnterLabResult')[0]?.variables).toEqual({ orderItemId: 'item-1', text: 'E. coli', abnormal: true });
  });

  it("bounds the value by the test's physiological limits, and shows the API's refusal beside the value", async () => {
    const message = 'Potassium must be between 1 and 12 mmol/L; check the value and its unit';
    const view = renderComponent(() => <ResultEntryForm item={potassium} onSaved={() => {}} />, {
      account: accountWith(['LAB']),
      handlers: { EnterLabResult: () => apiError('BAD_USER_INPUT', `value: ${message}`, { issues: [{ path: 'value', message }] }) },
    });
    const input = screen.getByLabelText('Potassium value (mmol/L)');
    expect([input.getAttribute('min'), input.getAttribute('max')]).toEqual(['1', '12']);
    fireEvent.input(input, { target: { value: '999999' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save result' }));
    expect(await screen.findByText('Enter a value between 1 and 12 mmol/L. Check the value and its unit.')).toBeTruthy();
    expect(view.gateway.named('EnterLabResult')).toHaveLength(0);
    fireEvent.input(input, { target: { value: '11.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save result' }));
    expect(await screen.findByText(message, { selector: '.field-error' })).toBeTruthy();
  });
});
