import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { DentalChart } from './DentalChart.tsx';

afterEach(cleanup);

type Item = {
  id: string;
  tooth: number | null;
  procedure: string;
  priority: number;
  status: string;
  note: null;
  createdAt: string;
  completedAt: string | null;
};
const item = (over: Partial<Item>): Item => ({
  id: 'plan-1',
  tooth: 16,
  procedure: 'Composite filling',
  priority: 1,
  status: 'PLANNED',
  note: null,
  createdAt: '2026-11-24T14:30:00.000Z',
  completedAt: null,
  ...over,
});

describe('the treatment plan', () => {
  it('adds a step and marks it done, the list following each change without a reload', async () => {
    let plan: Item[] = [];
    const view = renderComponent(() => <DentalChart patientId="pat-1" encounterId="enc-1" editable />, {
      account: accountWith(['DOCTOR']),
      handlers: {
        DentalChart: () => ({ data: { patient: { id: 'pat-1', dentalChart: { teeth: [], plan } } } }),
        AddTreatmentPlanItem: () => {
          plan = [item({})];
          return { data: { addTreatmentPlanItem: { __typename: 'TreatmentPlanItem', id: 'plan-1', status: 'PLANNED' } } };
        },
        SetTreatmentPlanStatus: () => {
          plan = [item({ status: 'DONE', completedAt: '2026-11-24T15:00:00.000Z' })];
          return {
            data: { setTreatmentPlanStatus: { __typename: 'TreatmentPlanItem', id: 'plan-1', status: 'DONE', completedAt: '2026-11-24T15:00:00.000Z' } },
          };
        },
      },
    });
    const form = await screen.findByRole('form', { name: 'Add to the treatment plan' });
    expect(screen.getByText('No treatment planned.')).toBeTruthy();
    fireEvent.input(within(form).getByLabelText('Tooth (optional)'), { target: { value: '19' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add to plan' }));
    expect(await within(form).findByText('Describe the procedure (at least 2 characters).')).toBeTruthy();
    expect(within(form).getByText('Enter an FDI tooth number, or leave empty for the whole mouth.')).toBeTruthy();
    fireEvent.input(within(form).getByLabelText('Procedure'), { target: { value: 'Composite filling' } });
    fireEvent.input(within(form).getByLabelText('Tooth (optional)'), { target: { value: '16' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add to plan' }));
    expect(await screen.findByText(/Tooth 16 · Composite filling · priority 1 · Planned/)).toBeTruthy();
    expect(view.gateway.named('AddTreatmentPlanItem')[0]?.variables).toEqual({ encounterId: 'enc-1', procedure: 'Composite filling', tooth: 16, priority: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'Mark Composite filling done' }));
    expect(await screen.findByText(/Composite filling · priority 1 · Done/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Mark Composite filling done' })).toBeNull();
  });
});
