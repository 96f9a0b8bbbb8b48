import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { base64Of, captureDownloads } from '../../testing/downloads.ts';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const patient = accountWith(['PATIENT'], { patientId: 'pat-1', facilities: [] });
const letter = {
  id: 'doc-2',
  kind: 'REPORT',
  title: 'Discharge letter',
  filename: 'letter.pdf',
  contentType: 'application/pdf',
  sizeBytes: 300,
  uploadedAt: '2026-11-25T15:00:00.000Z',
};
const xray = {
  ...letter,
  id: 'doc-1',
  kind: 'IMAGE',
  title: 'Chest X-ray',
  filename: 'xray.png',
  contentType: 'image/png',
  sizeBytes: 3_500_000,
  uploadedAt: '2026-11-20T15:00:00.000Z',
};

describe('my documents', () => {
  it('lists the patient’s own documents newest first and downloads one', async () => {
    const saved = captureDownloads();
    const app = renderApp({
      path: '/portal/documents',
      account: patient,
      handlers: {
        PatientDocuments: (v) => ({ data: { patient: { id: v.id, documents: [xray, letter] } } }),
        DocumentContent: (v) => ({
          data: { document: { id: v.id, content: { filename: 'xray.png', contentType: 'image/png', contentBase64: 'iVBORw0KGgo=' } } },
        }),
      },
    });
    const list = await screen.findByRole('list', { name: 'Documents' });
    expect([...list.querySelectorAll('strong')].map((s) => s.textContent)).toEqual(['Discharge letter', 'Chest X-ray']);
    expect(list.textContent).toContain('Chest X-ray · Image · PNG image, 3.3 MB');
    expect(app.gateway.named('PatientDocuments')[0]?.variables).toEqual({ id: 'pat-1' });
    fireEvent.click(screen.getByRole('button', { name: 'Download Chest X-ray' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.filename).toBe('xray.png');
    expect(saved[0]!.blob.type).toBe('image/png');
    expect(await base64Of(saved[0]!.blob)).toBe('iVBORw0KGgo=');
    expect(app.gateway.named('DocumentContent')[0]?.variables).toEqual({ id: 'doc-1' });
  });

  it('says so when there are none', async () => {
    renderApp({
      path: '/portal/documents',
      account: patient,
      handlers: { PatientDocuments: () => ({ data: { patient: { id: 'pat-1', documents: [] } } }) },
    });
    expect(await screen.findByText('The clinic has no documents on your record.')).toBeTruthy();
  });
});
