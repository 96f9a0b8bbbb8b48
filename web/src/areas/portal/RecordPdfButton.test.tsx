import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { base64Of, captureDownloads } from '../../testing/downloads.ts';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const account = accountWith(['PATIENT'], { patientId: 'pat-1', facilities: [] });
const health = {
  patient: {
    id: 'pat-1',
    displayName: 'Aisha Khan',
    mrn: 'CG01000033',
    dateOfBirth: '1999-07-21',
    bloodGroup: null,
    chronicConditions: [],
    allergies: [],
    vitals: [],
    prescriptions: [],
    diagnosisHistory: [],
  },
};
const file = { filename: 'health-record-CG01000033.pdf', contentType: 'application/pdf', contentBase64: 'JVBERi0xLjcK' };

describe('downloading my record as a PDF', () => {
  it('fetches my own record only when asked and saves it, beside the JSON download', async () => {
    const saved = captureDownloads();
    const app = renderApp({
      path: '/portal/health',
      account,
      handlers: { MyHealth: () => ({ data: health }), MyRecordPdf: () => ({ data: { patientRecordPdf: file } }) },
    });
    const button = await screen.findByRole('button', { name: 'Download my record (PDF)' });
    expect(screen.getByRole('button', { name: 'Download my record (JSON)' })).toBeTruthy();
    expect(app.gateway.named('MyRecordPdf')).toHaveLength(0);
    fireEvent.click(button);
    await waitFor(() => expect(saved.map((s) => s.filename)).toEqual(['health-record-CG01000033.pdf']));
    expect(await base64Of(saved[0]!.blob)).toBe(file.contentBase64);
    expect(app.gateway.named('MyRecordPdf').map((r) => r.variables)).toEqual([{ patientId: 'pat-1' }]);
  });

  it('says so in plain words when the record cannot be printed, and saves nothing', async () => {
    const saved = captureDownloads();
    renderApp({
      path: '/portal/health',
      account,
      handlers: { MyHealth: () => ({ data: health }), MyRecordPdf: () => apiError('NOT_FOUND', 'Patient not found') },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Download my record (PDF)' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(saved).toEqual([]);
  });
});
