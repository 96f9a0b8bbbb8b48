import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureDownloads } from '../../testing/downloads.ts';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const patient = {
  id: 'pat-1',
  displayName: 'Aisha Khan',
  mrn: 'CG01000033',
  dateOfBirth: '1999-07-21',
  bloodGroup: 'O_NEG',
  chronicConditions: ['Asthma'],
  allergies: [{ id: 'a1', substance: 'Ibuprofen', reaction: 'Wheeze', severity: 'MODERATE' }],
  vitals: [
    {
      id: 'v1',
      recordedAt: '2026-11-30T14:05:00Z',
      systolic: 128,
      diastolic: 82,
      pulse: 96,
      temperatureC: 38.4,
      spo2: null,
      weightKg: null,
      heightCm: null,
      bmi: null,
    },
  ],
  prescriptions: [
    {
      id: 'rx-1',
      status: 'DISPENSED',
      validUntil: '2099-01-01',
      finalisedAt: new Date(Date.now() - 86_400_000).toISOString(),
      items: [{ id: 'i1', medicineName: 'Salbutamol inhaler', dose: '2 puffs', frequency: 'as needed', durationDays: 30 }],
    },
    {
      id: 'rx-2',
      status: 'FINALISED',
      validUntil: '2099-01-01',
      finalisedAt: new Date(Date.now() - 10 * 86_400_000).toISOString(),
      items: [{ id: 'i2', medicineName: 'Finished course', dose: '1', frequency: 'daily', durationDays: 5 }],
    },
  ],
  diagnosisHistory: [{ id: 'd1', code: 'J45', description: 'Asthma', kind: 'PRIMARY', recordedAt: '2026-11-30T14:10:00Z' }],
};

describe('my health summary', () => {
  it('shows allergies, conditions, current medicines and the last measurements, leaving out what was not measured', async () => {
    renderApp({
      path: '/portal/health',
      account: accountWith(['PATIENT'], { patientId: 'pat-1', facilities: [] }),
      handlers: { MyHealth: () => ({ data: { patient } }) },
    });
    const allergies = (await screen.findByRole('heading', { name: 'Allergies' })).closest('section')!;
    expect(allergies.textContent).toContain('Ibuprofen — Moderate (Wheeze)');
    const medicines = screen.getByRole('heading', { name: 'Current medicines' }).closest('section')!;
    expect(medicines.textContent).toContain('Salbutamol inhaler');
    expect(medicines.textContent).not.toContain('Finished course');
    const vitals = screen.getByRole('heading', { name: 'Last measurements' }).closest('section')!;
    expect(vitals.textContent).toContain('Blood pressure 128/82 mmHg');
    expect(vitals.textContent).not.toContain('Oxygen');
    expect(screen.getByText('Blood group: O−')).toBeTruthy();
  });

  it('downloads the whole record as JSON, read as the patient when asked', async () => {
    const downloads = captureDownloads();
    const app = renderApp({
      path: '/portal/health',
      account: accountWith(['PATIENT'], { patientId: 'pat-1', facilities: [] }),
      handlers: {
        MyHealth: () => ({ data: { patient } }),
        MyVisits: () => ({ data: { patient: { id: 'pat-1', encounters: [] } } }),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Download my record (JSON)' }));
    await waitFor(() => expect(downloads.map((d) => d.filename)).toEqual(['my-record-CG01000033.json']));
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(downloads[0]!.blob);
    });
    const record = JSON.parse(text);
    expect(record.patient.allergies[0].substance).toBe('Ibuprofen');
    expect(record.visits).toEqual([]);
    expect(app.gateway.named('MyVisits')[0]?.variables).toEqual({ id: 'pat-1' });
  });
});
