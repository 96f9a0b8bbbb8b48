import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import type { WorklistOrder } from './queries.ts';
import { Worklist } from './Worklist.tsx';

afterEach(cleanup);

const order = (id: string, status: WorklistOrder['status'], name: string): WorklistOrder => ({
  id,
  status,
  priority: 'ROUTINE',
  orderedAt: '2026-03-02T09:00:00Z',
  specimen: null,
  clinicalInfo: null,
  patient: { id: `p-${id}`, displayName: name, mrn: `MRN-${id}` },
  orderingProvider: { displayName: 'Dr Ada Okafor' },
  items: [{ id: `i-${id}`, testName: 'Potassium', result: null }],
});

describe('the lab worklist', () => {
  it('filters by step, records a collection with its specimen, and receives a sample', async () => {
    const view = renderComponent(() => <Worklist />, {
      account: accountWith(['LAB']),
      handlers: {
        LabWorklist: (v) => ({
          data: { labWorklist: v.statuses.length === 1 ? [] : [order('o1', 'ORDERED', 'Maya Chen'), order('o2', 'COLLECTED', 'Tom Berg')] },
        }),
        CollectLabSample: () => ({ data: { collectLabSample: { id: 'o1', status: 'COLLECTED', specimen: 'serum', collectedAt: '2026-03-02T09:30:00Z' } } }),
        ReceiveLabOrder: () => ({ data: { receiveLabOrder: { id: 'o2', status: 'RECEIVED', receivedAt: '2026-03-02T09:40:00Z' } } }),
      },
    });
    expect(await screen.findByText('Maya Chen')).toBeTruthy();
    expect(view.gateway.named('LabWorklist')[0]?.variables.statuses).toEqual(['ORDERED', 'COLLECTED', 'RECEIVED', 'RESULTED', 'VERIFIED']);
    fireEvent.click(screen.getByRole('button', { name: 'Record collection' }));
    expect(await screen.findByText('Say which specimen was taken, e.g. "serum".')).toBeTruthy();
    expect(view.gateway.named('CollectLabSample')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Specimen'), { target: { value: 'serum' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record collection' }));
    await vi.waitFor(() => expect(view.gateway.named('CollectLabSample')[0]?.variables).toEqual({ orderId: 'o1', specimen: 'serum' }));
    fireEvent.click(screen.getByRole('button', { name: 'Receive sample for Tom Berg' }));
    await vi.waitFor(() => expect(view.gateway.named('ReceiveLabOrder')[0]?.variables).toEqual({ id: 'o2' }));
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'collect' } });
    await vi.waitFor(() => expect(view.gateway.named('LabWorklist').at(-1)?.variables.statuses).toEqual(['ORDERED']));
  });

  it('follows lab_order.changed live: new orders join, orders that move on leave the step they were in, with nothing to refresh', async () => {
    const view = renderComponent(() => <Worklist />, {
      account: accountWith(['LAB']),
      handlers: { LabWorklist: (v) => ({ data: { labWorklist: v.statuses.length === 1 ? [order('o2', 'COLLECTED', 'Tom Berg')] : [] } }) },
    });
    fireEvent.change(await screen.findByLabelText('Show'), { target: { value: 'receive' } });
    expect(await screen.findByText('Tom Berg')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Refresh' })).toBeNull();
    await waitFor(() => expect(view.live.subscriptions.map((s) => s.payload.operationName)).toContain('LabOrderChanged'));
    const shown = () => screen.queryAllByRole('listitem').flatMap((li) => li.getAttribute('data-lab-order') ?? []);

    view.live.push('LabOrderChanged', {
      labOrderChanged: { cursor: '10', labOrder: { ...order('o3', 'COLLECTED', 'Maya Chen'), orderedAt: '2026-03-02T08:00:00Z' } },
    });
    await waitFor(() => expect(shown()).toEqual(['o3', 'o2']));
    view.live.push('LabOrderChanged', { labOrderChanged: { cursor: '11', labOrder: order('o2', 'RECEIVED', 'Tom Berg') } });
    await waitFor(() => expect(shown()).toEqual(['o3']));
    view.live.push('LabOrderChanged', { labOrderChanged: { cursor: '12', labOrder: order('o4', 'ORDERED', 'Ola Berg') } });
    await new Promise((r) => setTimeout(r, 50));
    expect(shown()).toEqual(['o3']);
  });

  it('says so when nothing waits', async () => {
    renderComponent(() => <Worklist />, { account: accountWith(['LAB']), handlers: { LabWorklist: () => ({ data: { labWorklist: [] } }) } });
    expect(await screen.findByText('No orders waiting here.')).toBeTruthy();
  });
});
