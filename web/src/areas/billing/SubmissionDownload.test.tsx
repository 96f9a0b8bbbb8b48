import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { SubmissionDownload } from './SubmissionDownload.tsx';

afterEach(cleanup);

const textOf = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

describe('downloading a claim submission again', () => {
  it('fetches the recorded file and saves it', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:submission';
    });
    URL.revokeObjectURL = vi.fn();
    const view = renderComponent(() => <SubmissionDownload submissionId="sub-1" number="SUB-000003" />, {
      account: accountWith(['BILLING']),
      handlers: {
        ClaimSubmission: () => ({
          data: { claimSubmission: { id: 'sub-1', number: 'SUB-000003', fileName: 'claims-SUB-000003.csv', csv: 'claim,amount\nCL-1,40.00\n', claimCount: 1 } },
        }),
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Download submission SUB-000003 again' }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(await textOf(created[0]!)).toBe('claim,amount\nCL-1,40.00\n');
    expect(view.gateway.named('ClaimSubmission')[0]?.variables).toEqual({ id: 'sub-1' });
  });

  it('says so when it is not there', async () => {
    renderComponent(() => <SubmissionDownload submissionId="sub-9" number="SUB-000009" />, {
      account: accountWith(['BILLING']),
      handlers: { ClaimSubmission: () => apiError('NOT_FOUND', 'Claim submission not found') },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Download submission SUB-000009 again' }));
    expect((await screen.findByRole('alert')).textContent).toContain('could not find');
  });
});
