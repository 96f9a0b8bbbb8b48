import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { renderComponent } from '../../testing/render-component.tsx';
import { MfaPolicyForm } from './MfaPolicyForm.tsx';

afterEach(cleanup);

describe('the two-step sign-in policy', () => {
  it('shows admins as always required, and saves the roles chosen', async () => {
    const view = renderComponent(() => <MfaPolicyForm />, {
      handlers: {
        MfaPolicy: () => ({ data: { mfaPolicy: { requiredRoles: ['ADMIN', 'DOCTOR'] } } }),
        SetMfaPolicy: (v) => ({ data: { setMfaPolicy: { requiredRoles: v.requiredRoles } } }),
      },
    });
    const form = screen.getByRole('form', { name: 'Two-step sign-in policy' });
    const admin = (await within(form).findByRole('checkbox', { name: 'Admin' })) as HTMLInputElement;
    expect(admin.checked && admin.disabled).toBe(true);
    expect((within(form).getByRole('checkbox', { name: 'Doctor' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Doctor' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Nurse' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Save two-step sign-in policy' }));
    await screen.findByText('Saved. It applies from each person’s next sign-in.');
    expect(view.gateway.named('SetMfaPolicy').map((s) => s.variables)).toEqual([{ requiredRoles: ['ADMIN', 'NURSE'] }]);
  });
});
