import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError, type Handler } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { MergePatients } from './MergePatients.tsx';

afterEach(cleanup);

const facility = { id: 'fac-1', name: 'Riverside Clinic', timezone: 'UTC' };
const record = (id: string, mrn: string, extra: Record<string, unknown> = {}) => ({
  id,
  mrn,
  displayName: 'Maria Garcia',
  dateOfBirth: '1985-03-14',
  sex: 'FEMALE',
  phone: '+1 555 0101',
  email: null,
  address: null,
  createdAt: '2026-11-02T10:00:00Z',
  registeredFacility: facility,
  ...extra,
});
const records: Record<string, ReturnType<typeof record>> = {
  p1: record('p1', 'CG00000017', { email: 'maria@example.com' }),
  p2: record('p2', 'CG00000025', { address: '12 Harbour Road', createdAt: '2026-11-30T10:00:00Z' }),
};
const MergeRecord: Handler = ({ id }) => ({ data: { patient: records[id] ?? null } });

describe('merging two patient records', () => {
  it('compares the two side by side, keeps the one chosen, asks for a reason and a confirmation, then merges', async () => {
    const view = renderComponent(() => <MergePatients />, {
      account: accountWith(['ADMIN']),
      path: '/admin/merge-patients?keep=p1&merge=p2',
      handlers: {
        MergeRecord,
        MergePatients: ({ keepId, mergeId }) => ({
          data: {
            mergePatients: {
              survivor: { id: keepId, mrn: records[keepId]!.mrn, displayName: 'Maria Garcia' },
              merged: { id: mergeId, mrn: records[mergeId]!.mrn, mergedAt: '2026-12-01T09:00:00Z' },
              copiedFields: ['email'],
              account: 'RELINKED',
            },
          },
        }),
      },
    });
    const table = await screen.findByRole('table', { name: 'The two records' });
    // What differs is marked; what agrees is not.
    expect(within(table).getByRole('rowheader', { name: /E-mail\s*\(differs\)/ })).toBeTruthy();
    expect(within(table).getByRole('rowheader', { name: /^Date of birth$/ })).toBeTruthy();
    expect((screen.getByLabelText('Keep CG00000017') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText('Keep CG00000025'));

    fireEvent.click(screen.getByRole('button', { name: 'Merge…' }));
    expect(await screen.findByText('Say why these records are the same patient.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Confirm the merge' })).toBeNull();

    fireEvent.input(screen.getByLabelText('Reason'), { target: { value: 'Registered twice at the desk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Merge…' }));
    const confirm = await screen.findByRole('region', { name: 'Confirm the merge' });
    expect(confirm.textContent).toContain('Merge Maria Garcia (CG00000017) into Maria Garcia (CG00000025)?');
    expect(view.gateway.named('MergePatients')).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Confirm merge' }));

    expect((await screen.findByRole('status')).textContent).toContain('Merged CG00000017 into CG00000025. Copied to the record kept: e-mail.');
    expect(screen.getByRole('status').textContent).toContain('now signs in to the record kept');
    expect(view.gateway.named('MergePatients').map((r) => r.variables)).toEqual([{ keepId: 'p2', mergeId: 'p1', reason: 'Registered twice at the desk' }]);
  });

  it('finds both records with the patient search when none is given', async () => {
    renderComponent(() => <MergePatients />, {
      account: accountWith(['ADMIN']),
      path: '/admin/merge-patients',
      handlers: {
        MergeRecord,
        SearchPatients: () => ({
          data: {
            patients: { nodes: Object.values(records).map(({ id, mrn, displayName, dateOfBirth, phone }) => ({ id, mrn, displayName, dateOfBirth, phone })) },
          },
        }),
      },
    });
    fireEvent.input(screen.getByLabelText('Find the first record'), { target: { value: 'Maria' } });
    fireEvent.click(await screen.findByRole('button', { name: /CG00000017/ }));
    fireEvent.input(await screen.findByLabelText('Find the second record'), { target: { value: 'Maria' } });
    fireEvent.click(await screen.findByRole('button', { name: /CG00000025/ }));
    expect(await screen.findByRole('table', { name: 'The two records' })).toBeTruthy();
  });

  it('says so in plain words when a record was already merged, and merges nothing', async () => {
    const view = renderComponent(() => <MergePatients />, {
      account: accountWith(['ADMIN']),
      path: '/admin/merge-patients?keep=p1&merge=p2',
      handlers: {
        MergeRecord,
        MergePatients: () => apiError('INVALID_STATE', 'CG00000025 was already merged into another record', { patientId: 'p2', survivorId: 'p3' }),
      },
    });
    await screen.findByRole('table', { name: 'The two records' });
    fireEvent.input(screen.getByLabelText('Reason'), { target: { value: 'Same person' } });
    fireEvent.click(screen.getByRole('button', { name: 'Merge…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm merge' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('already merged'));
    expect(view.gateway.named('MergePatients')).toHaveLength(1);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
