import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith, renderApp } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { AuditLog } from './AuditLog.tsx';

afterEach(cleanup);

const maria = {
  __typename: 'Patient',
  id: '7d7c2d8e-1111-4c1e-9c9a-000000000001',
  mrn: 'CG01000017',
  displayName: 'Maria Garcia',
  dateOfBirth: '1985-03-14',
  phone: null,
};
const event = (id: string, patient: typeof maria | null) => ({
  id,
  at: '2026-11-30T14:05:00Z',
  action: 'read',
  entityType: 'Patient',
  entityId: patient?.id ?? null,
  patient: patient && { id: patient.id, displayName: patient.displayName, mrn: patient.mrn },
  service: 'people',
  operation: 'PatientChart',
  ip: '10.0.0.7',
  actorRoles: ['DOCTOR'],
  actor: { displayName: 'Amara Okafor', email: 'doctor@clinigraph.local' },
});

describe('the audit log', () => {
  it('names each patient by name and MRN, never by id, and filters by a patient found by name', async () => {
    const app = renderApp({
      path: '/admin/audit',
      account: accountWith(['ADMIN']),
      handlers: {
        AuditEvents: (v) => ({
          data: { auditEvents: { nodes: [event(v.filter?.patientId ? 'e2' : 'e1', maria)], pageInfo: { hasNextPage: false, endCursor: null } } },
        }),
        SearchPatients: () => ({ data: { patients: { nodes: [maria] } } }),
      },
    });
    const row = (await screen.findByText(/Maria Garcia \(CG01000017\)/)).closest('tr')!;
    expect(row.textContent).not.toContain(maria.id);
    expect(row.textContent).toContain('Amara Okafor (doctor)');

    fireEvent.input(screen.getByLabelText('Patient'), { target: { value: 'Garc' } });
    fireEvent.click(await screen.findByRole('button', { name: /Maria Garcia · CG01000017/ }));
    await waitFor(() => expect(app.gateway.named('AuditEvents').at(-1)?.variables.filter).toEqual({ patientId: maria.id }));
  });

  it("shows each time in the facility's zone, naming the zone when the reader's clock differs", async () => {
    const readerZone = process.env.TZ;
    const handlers = {
      AuditEvents: () => ({ data: { auditEvents: { nodes: [event('e1', maria)], pageInfo: { hasNextPage: false, endCursor: null } } } }),
    };
    try {
      process.env.TZ = 'Europe/London';
      renderComponent(() => <AuditLog />, { account: accountWith(['ADMIN']), handlers });
      const row = (await screen.findByText(/Maria Garcia \(CG01000017\)/)).closest('tr')!;
      expect(row.cells[0]?.textContent).toBe('Nov 30, 2026, 9:05 AM');
      expect(screen.getByRole('columnheader', { name: 'When (New York time)' })).toBeTruthy();
      cleanup();

      process.env.TZ = 'America/New_York';
      renderComponent(() => <AuditLog />, { account: accountWith(['ADMIN']), handlers });
      await screen.findByText(/Maria Garcia \(CG01000017\)/);
      expect(screen.getByRole('columnheader', { name: 'When' })).toBeTruthy();
    } finally {
      if (readerZone === undefined) delete process.env.TZ;
      else process.env.TZ = readerZone;
    }
  });
});
