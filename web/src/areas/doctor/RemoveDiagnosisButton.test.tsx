import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { RemoveDiagnosisButton } from './RemoveDiagnosisButton.tsx';

afterEach(cleanup);

describe('removing a diagnosis', () => {
  it('asks to confirm, then removes it', async () => {
    const removed = vi.fn();
    const view = renderComponent(() => <RemoveDiagnosisButton id="dx-1" code="J20.9" description="Acute bronchitis, unspecified" onRemoved={removed} />, {
      account: accountWith(['DOCTOR']),
      handlers: { RemoveDiagnosis: () => ({ data: { removeDiagnosis: true } }) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove diagnosis Acute bronchitis, unspecified' }));
    expect(view.gateway.named('RemoveDiagnosis')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Remove J20.9' }));
    await waitFor(() => expect(removed).toHaveBeenCalled());
    expect(view.gateway.named('RemoveDiagnosis')[0]?.variables).toEqual({ id: 'dx-1' });
  });

  it('says why when the encounter is already closed', async () => {
    renderComponent(() => <RemoveDiagnosisButton id="dx-1" code="J20.9" description="Acute bronchitis, unspecified" />, {
      account: accountWith(['DOCTOR']),
      handlers: { RemoveDiagnosis: () => apiError('INVALID_STATE', 'The encounter is closed') },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove diagnosis Acute bronchitis, unspecified' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove J20.9' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The encounter is closed');
  });
});
