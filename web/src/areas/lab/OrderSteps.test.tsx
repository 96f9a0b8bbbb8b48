import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { OrderSteps } from './OrderSteps.tsx';

afterEach(cleanup);

const FOUR_EYES = 'You entered a result on this order, so another member of the lab must verify it (four eyes).';

describe('verifying lab results', () => {
  it('tells the person who entered a result that a colleague must verify it', async () => {
    const done = vi.fn();
    renderComponent(() => <OrderSteps orderId="lab-1" status="RESULTED" onDone={done} />, {
      account: accountWith(['LAB']),
      handlers: { VerifyLabOrder: () => apiError('INVALID_STATE', FOUR_EYES, { rule: 'LAB_FOUR_EYES' }) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Verify results' }));
    expect((await screen.findByRole('alert')).textContent).toContain(FOUR_EYES);
    expect(done).not.toHaveBeenCalled();
  });
});
