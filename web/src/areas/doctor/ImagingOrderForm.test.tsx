import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { ImagingOrderForm } from './ImagingOrderForm.tsx';

afterEach(cleanup);

describe('ordering imaging', () => {
  it('asks for a modality and a body part before sending, and marks the field the API refused', async () => {
    const view = renderComponent(() => <ImagingOrderForm encounterId="enc-1" />, {
      account: accountWith(['DOCTOR']),
      handlers: {
        OrderImaging: () => apiError('BAD_USER_INPUT', 'Invalid input', { issues: [{ path: 'bodyPart', message: 'At most 200 characters' }] }),
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Order imaging' }));
    expect(await screen.findByText('Choose a modality.')).toBeTruthy();
    expect(screen.getByText('Name the body part or region (e.g. Chest PA).')).toBeTruthy();
    expect(view.gateway.named('OrderImaging')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('Modality'), { target: { value: 'CT' } });
    fireEvent.input(screen.getByLabelText('Body part'), { target: { value: 'Head'.repeat(60) } });
    fireEvent.click(screen.getByRole('button', { name: 'Order imaging' }));
    await waitFor(() => expect(screen.getByLabelText('Body part').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByText(/At most 200 characters/).length).toBeGreaterThan(0);
  });
});
