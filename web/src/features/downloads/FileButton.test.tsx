import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureDownloads } from '../../testing/downloads.ts';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { CertificatePdfButton } from '../certificates/CertificatePdfButton.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('downloading a file the API renders', () => {
  it('fetches it only when asked, and says in plain words why the API refused', async () => {
    const saved = captureDownloads();
    const view = renderComponent(() => <CertificatePdfButton id="cert-1" />, {
      account: accountWith(['PATIENT'], { patientId: 'pat-1', facilities: [] }),
      handlers: {
        CertificatePdf: () => apiError('INVALID_STATE', 'Only an approved certificate can be printed', { rule: 'CERTIFICATE_NOT_APPROVED' }),
      },
    });
    expect(view.gateway.named('CertificatePdf')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Download PDF' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Only an approved certificate can be printed');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Download PDF' }).hasAttribute('disabled')).toBe(false));
    expect(saved).toHaveLength(0);
  });
});
