import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { zoneLabel } from '../../lib/format.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { EncounterPage } from './EncounterPage.tsx';
import type { EncounterInfo } from './queries.ts';

afterEach(cleanup);

/** An open encounter in consultation with nothing recorded yet: every list on the page starts empty. */
const emptyEncounter = (): EncounterInfo => ({
  id: 'enc-1',
  status: 'IN_CONSULTATION',
  chiefComplaint: 'Cough',
  openedAt: '2026-11-24T09:00:00.000Z',
  facility: { id: 'fac-1', timezone: 'America/New_York' },
  patient: { id: 'p1', displayName: 'Maria Garcia', mrn: 'MRN-1', dateOfBirth: '1980-04-02', allergies: [] },
  provider: { displayName: 'Dr. Amara Okafor' },
  vitals: [],
  notes: [],
  diagnoses: [],
  prescriptions: [],
  labOrders: [],
});

/** The encounter as the API holds it: the page's mutations add to it, and each Encounter query reads it afresh. */
function encounterServer() {
  const encounter = emptyEncounter();
  return {
    encounter,
    handlers: {
      Encounter: () => ({ data: { encounter: structuredClone(encounter) } }),
      Medicines: () => ({ data: { items: [] } }),
      LabCatalogue: () => ({ data: { labTestCatalogue: [] } }),
      PatientCertificates: () => ({ data: { patient: { id: 'p1', certificates: [] } } }),
      EncounterReferrals: () => ({ data: { encounter: { id: 'enc-1', referrals: [] } } }),
      RecordVitals: () => {
        const vitals = { id: 'v1', recordedAt: '2026-11-24T09:30:00.000Z', systolic: 128, diastolic: null, pulse: null, temperatureC: null, spo2: null };
        encounter.vitals.push(vitals);
        return { data: { recordVitals: { __typename: 'Vitals', id: vitals.id, recordedAt: vitals.recordedAt, bmi: null } } };
      },
      Icd10Search: () => ({ data: { icd10Search: [{ code: 'R05.9', description: 'Cough, unspecified' }] } }),
      AddDiagnosis: (v: Record<string, any>) => {
        const kind = v.kind ?? (encounter.diagnoses.some((d) => d.kind === 'PRIMARY') ? 'SECONDARY' : 'PRIMARY');
        const diagnosis = { id: `d${encounter.diagnoses.length + 1}`, code: v.code, description: 'Cough, unspecified', kind };
        encounter.diagnoses.push(diagnosis);
        return { data: { addDiagnosis: { __typename: 'Diagnosis', ...diagnosis } } };
      },
    },
  };
}

describe('the encounter page', () => {
  it('shows the first vitals as soon as they are saved, without a reload', async () => {
    const server = encounterServer();
    renderComponent(() => <EncounterPage />, {
      account: accountWith(['DOCTOR']),
      path: '/doctor/encounters/enc-1',
      route: '/doctor/encounters/:id',
      handlers: server.handlers,
    });
    const measured = await screen.findByRole('region', { name: 'Vitals this visit' });
    expect(within(measured).getByText('No vitals yet.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Systolic (mmHg)'), { target: { value: '128' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save vitals' }));
    expect(await within(measured).findByText(/BP 128\/–/)).toBeTruthy();
  });

  it('shows the first diagnosis as soon as it is added, and the next one goes in as secondary', async () => {
    const server = encounterServer();
    const view = renderComponent(() => <EncounterPage />, {
      account: accountWith(['DOCTOR']),
      path: '/doctor/encounters/enc-1',
      route: '/doctor/encounters/:id',
      handlers: server.handlers,
    });
    const diagnoses = await screen.findByRole('region', { name: 'Diagnoses' });
    expect(within(diagnoses).getByText('None yet.')).toBeTruthy();
    fireEvent.input(within(diagnoses).getByLabelText(/Find an ICD-10 code/), { target: { value: 'cough' } });
    fireEvent.click(await within(diagnoses).findByRole('button', { name: /R05.9/ }));
    expect(await within(diagnoses).findByText(/Primary/)).toBeTruthy();
    fireEvent.click(within(diagnoses).getByRole('button', { name: /R05.9/ }));
    await vi.waitFor(() => expect(view.gateway.named('AddDiagnosis')).toHaveLength(2));
    expect(view.gateway.named('AddDiagnosis')[1]?.variables.kind ?? 'SECONDARY').toBe('SECONDARY');
  });

  it("gives the visit's times in the facility's zone, named when the browser's clock differs", async () => {
    const server = encounterServer();
    renderComponent(() => <EncounterPage />, {
      account: accountWith(['DOCTOR']),
      path: '/doctor/encounters/enc-1',
      route: '/doctor/encounters/:id',
      handlers: server.handlers,
    });
    const header = (await screen.findByText(/opened/)).textContent!;
    // 09:00 UTC is 4:00 AM in New York, the facility's zone, wherever the browser is.
    expect(header).toMatch(/opened .*0?4:00/);
    const browserDiffers = zoneLabel('America/New_York', new Date(server.encounter.openedAt)) !== '';
    expect(header.includes('(New York time)')).toBe(browserDiffers);
  });
});
