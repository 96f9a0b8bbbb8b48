import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { LAB_ORDER_FIELDS, type LabOrderInfo } from '../../features/labs/fields.ts';
import { maskFragments } from '../../lib/graphql.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { CancelLabOrders } from './CancelLabOrders.tsx';

afterEach(cleanup);

const order = (id: string, status: LabOrderInfo['status'], testName: string) =>
  maskFragments([LAB_ORDER_FIELDS], {
    id,
    status,
    orderedAt: '2026-11-24T14:30:00.000Z',
    items: [{ id: `${id}-item`, testName, unit: null, referenceLow: null, referenceHigh: null, result: null }],
  });

describe('cancelling lab orders', () => {
  it('offers only orders not yet resulted, and cancels one after confirming', async () => {
    const view = renderComponent(
      () => <CancelLabOrders orders={[order('lab-1', 'COLLECTED', 'Glucose, fasting'), order('lab-2', 'RESULTED', 'C-reactive protein')]} />,
      { account: accountWith(['DOCTOR']), handlers: { CancelLabOrder: () => ({ data: { cancelLabOrder: { id: 'lab-1', status: 'CANCELLED' } } }) } },
    );
    expect(screen.queryByRole('button', { name: 'Cancel order: C-reactive protein' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel order: Glucose, fasting' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel Glucose, fasting' }));
    await waitFor(() => expect(view.gateway.named('CancelLabOrder')[0]?.variables).toEqual({ id: 'lab-1' }));
  });
});
