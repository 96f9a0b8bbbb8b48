import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentInfo } from '../../features/documents/queries.ts';
import { base64Of, captureDownloads } from '../../testing/downloads.ts';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { PatientDocuments } from './PatientDocuments.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const PDF_BASE64 = btoa('%PDF-1.7\n%consent');
const consent: DocumentInfo = {
  id: 'doc-1',
  kind: 'CONSENT',
  title: 'Signed consent',
  filename: 'consent.pdf',
  contentType: 'application/pdf',
  sizeBytes: 2048,
  uploadedAt: '2026-11-24T15:00:00.000Z',
};

const choose = (name: string, content: string, type: string) =>
  fireEvent.change(screen.getByLabelText('File (PDF, PNG or JPEG)'), { target: { files: [new File([content], name, { type })] } });

describe('documents on the patient chart', () => {
  it('uploads a PDF; the empty list shows it at once, and it downloads as a file', async () => {
    const saved = captureDownloads();
    let documents: DocumentInfo[] = [];
    const view = renderComponent(() => <PatientDocuments patientId="pat-1" />, {
      account: accountWith(['DOCTOR']),
      handlers: {
        PatientDocuments: () => ({ data: { patient: { id: 'pat-1', documents } } }),
        UploadDocument: () => {
          documents = [consent];
          return { data: { uploadDocument: consent } };
        },
        DocumentContent: (v) => ({
          data: { document: { id: v.id, content: { filename: 'consent.pdf', contentType: 'application/pdf', contentBase64: PDF_BASE64 } } },
        }),
      },
    });
    expect(await screen.findByText('No documents yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
    expect(await screen.findByText('Choose a file.')).toBeTruthy();
    expect(screen.getByText('Give the document a title.')).toBeTruthy();
    choose('notes.txt', 'plain text', 'text/plain');
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Signed consent' } });
    fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
    expect(await screen.findByText('Only PDF, PNG or JPEG files can be uploaded.')).toBeTruthy();
    expect(view.gateway.named('UploadDocument')).toHaveLength(0);
    choose('consent.pdf', '%PDF-1.7\n%consent', 'application/pdf');
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'CONSENT' } });
    fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
    expect(await screen.findByText('Document uploaded.')).toBeTruthy();
    expect(view.gateway.named('UploadDocument')[0]?.variables).toEqual({
      patientId: 'pat-1',
      encounterId: null,
      kind: 'CONSENT',
      title: 'Signed consent',
      filename: 'consent.pdf',
      contentType: 'application/pdf',
      contentBase64: PDF_BASE64,
    });
    const list = screen.getByRole('list', { name: 'Documents' });
    await waitFor(() => expect(list.textContent).toContain('Signed consent · Consent · PDF, 2 KB · uploaded Nov 24, 2026, 10:00 AM'));
    fireEvent.click(within(list).getByRole('button', { name: 'Download Signed consent' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.filename).toBe('consent.pdf');
    expect(await base64Of(saved[0]!.blob)).toBe(PDF_BASE64);
  });

  it('shows the API’s objection to the file next to the file field', async () => {
    renderComponent(() => <PatientDocuments patientId="pat-1" />, {
      account: accountWith(['NURSE']),
      handlers: {
        PatientDocuments: () => ({ data: { patient: { id: 'pat-1', documents: [] } } }),
        UploadDocument: () =>
          apiError('BAD_USER_INPUT', 'The file is 600000 bytes; the limit is 524288 bytes', { issues: [{ path: 'contentBase64', message: 'File too large' }] }),
      },
    });
    choose('scan.pdf', '%PDF-1.7 big', 'application/pdf');
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Scan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
    const file = screen.getByLabelText('File (PDF, PNG or JPEG)');
    await waitFor(() => expect(file.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(file.getAttribute('aria-describedby')!)?.textContent).toBe('File too large');
  });
});
