import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { ToothFindingForm } from './ToothFindingForm.tsx';

afterEach(cleanup);

describe('recording a tooth finding', () => {
  it('refuses a number outside FDI notation before sending, and marks the field the API refused', async () => {
    const view = renderComponent(() => <ToothFindingForm encounterId="enc-1" tooth={null} />, {
      account: accountWith(['DOCTOR']),
      handlers: { RecordToothFinding: () => apiError('BAD_USER_INPUT', 'Invalid input', { issues: [{ path: 'note', message: 'At most 1000 characters' }] }) },
    });
    fireEvent.input(screen.getByLabelText('Tooth (FDI)'), { target: { value: '19' } });
    fireEvent.change(screen.getByLabelText('Finding'), { target: { value: 'WATCH' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record finding' }));
    expect(await screen.findByText(/Enter an FDI tooth number/)).toBeTruthy();
    expect(view.gateway.named('RecordToothFinding')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Tooth (FDI)'), { target: { value: '21' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record finding' }));
    await waitFor(() => expect(screen.getByLabelText('Note (optional)').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByText(/At most 1000 characters/).length).toBeGreaterThan(0);
    expect(view.gateway.named('RecordToothFinding')[0]?.variables).toMatchObject({ tooth: 21, finding: 'WATCH' });
  });
});
