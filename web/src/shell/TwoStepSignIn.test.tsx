import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../testing/fake-gateway.ts';
import { accountWith, authPayload, renderApp } from '../testing/render-app.tsx';

afterEach(cleanup);

const admin = accountWith(['ADMIN']);
const status = (enabled: boolean, required: boolean, recoveryCodesLeft = 0) => ({ data: { myMfa: { enabled, required, recoveryCodesLeft } } });
const codes = Array.from({ length: 10 }, (_, i) => `abcde-fgh${i}k`);

describe('the two-step sign-in page', () => {
  it('sets up an authenticator app: QR code and key, a confirming code, the recovery codes once, and a refreshed session', async () => {
    let enabled = false;
    const app = renderApp({
      path: '/account/security',
      account: admin,
      handlers: {
        MyMfa: () => status(enabled, true, enabled ? 10 : 0),
        StartMfaEnrolment: () => ({
          data: { startMfaEnrolment: { secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/x', qrCodeSvg: '<svg xmlns="http://www.w3.org/2000/svg"/>' } },
        }),
        ConfirmMfaEnrolment: (v) => {
          if (v.code !== '654321') return apiError('INVALID_STATE', 'That code is not right');
          enabled = true;
          return { data: { confirmMfaEnrolment: codes } };
        },
        RefreshSession: () => ({ data: { refreshSession: authPayload(admin, 'access-2', 'refresh-2') } }),
      },
    });
    expect(await screen.findByText('Your role requires two-step sign-in. Set it up to use Clinigraph.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Set up two-step sign-in' }));
    expect((await screen.findByRole('img', { name: 'QR code for your authenticator app' })).getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(screen.getByTestId('mfa-secret').textContent).toBe('JBSWY3DPEHPK3PXP');
    const form = screen.getByRole('form', { name: 'Confirm two-step sign-in' });
    fireEvent.input(within(form).getByLabelText('Code from the app'), { target: { value: '111111' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Turn on' }));
    expect((await screen.findByRole('alert')).textContent).toContain('That code is not right');
    fireEvent.input(within(form).getByLabelText('Code from the app'), { target: { value: '654321' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Turn on' }));
    const list = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(codes);
    expect(app.gateway.named('RefreshSession').map((s) => s.variables)).toEqual([{ refreshToken: 'refresh-1' }]);
    fireEvent.click(screen.getByRole('button', { name: 'I have saved my recovery codes' }));
    expect((await screen.findByText(/Two-step sign-in is on\. You have 10 unused recovery codes\./)).textContent).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Recovery codes' })).toBeNull();
    expect(screen.getByText('Your role requires two-step sign-in, so it stays on.')).toBeTruthy();
  });

  it('turns it off with a code when the role does not require it', async () => {
    let enabled = true;
    const app = renderApp({
      path: '/account/security',
      account: accountWith(['PATIENT'], { patientId: 'pat-1' }),
      handlers: {
        MyMfa: () => status(enabled, false, enabled ? 7 : 0),
        DisableMfa: () => {
          enabled = false;
          return { data: { disableMfa: true } };
        },
      },
    });
    const form = await screen.findByRole('form', { name: 'Turn off two-step sign-in' });
    fireEvent.input(within(form).getByLabelText('Code from the app'), { target: { value: '222333' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Turn off two-step sign-in' }));
    await screen.findByRole('button', { name: 'Set up two-step sign-in' });
    expect(app.gateway.named('DisableMfa').map((s) => s.variables)).toEqual([{ code: '222333' }]);
  });
});
