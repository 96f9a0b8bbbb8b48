import { SET_MFA_POLICY, totpCode } from '@clinigraph/people/mfa-testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchBrowser, newScreen, screenshot, screensKeptOnFailure, signIn } from '../support/browser.ts';
import { startWebStack, type WebStack } from '../support/stack.ts';

/**
 * Two-step sign-in through the screens. The clinic requires it for admins (as a real clinic does; the
 * demo data turns it off), so the admin, signed in with a password only, is sent to set it up: scans the
 * key (here: reads it and makes the codes with otpauth, as an authenticator app would), keeps the
 * recovery codes, reaches the admin screens, and the next sign-in asks for a code.
 */
let web: WebStack;
let browser: Browser;
const screens = screensKeptOnFailure('mfa');

beforeAll(async () => {
  web = await startWebStack();
  browser = await launchBrowser();
  await (await web.stack.as('admin')).data(SET_MFA_POLICY, { roles: [] });
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('journey: an admin turns on two-step sign-in and signs in with it', () => {
  it('enrols from the Security page, then signs in with a code from the app', async () => {
    const { page } = await newScreen(browser);
    screens.admin = page;
    await signIn(page, web.baseUrl, 'admin@clinigraph.local');
    await page.goto(`${web.baseUrl}/admin`);
    await page.getByText('Your role needs two-step sign-in.').first().waitFor();
    await screenshot(page, 'mfa-1-admin-without-two-step');

    await page.goto(`${web.baseUrl}/account/security`);
    await page.getByText('Your role requires two-step sign-in. Set it up to use Clinigraph.').waitFor();
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const secret = (await page.getByTestId('mfa-secret').textContent()) ?? '';
    await screenshot(page, 'mfa-2-scan-the-code');
    await page.getByLabel('Code from the app').fill(await totpCode(secret, -1));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('list', { name: 'Recovery codes' }).waitFor();
    await screenshot(page, 'mfa-3-recovery-codes');
    await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await page.getByText(/Two-step sign-in is on\. You have 10 unused recovery codes\./).waitFor();

    await page.goto(`${web.baseUrl}/admin`);
    await page.getByRole('heading', { name: 'Users and roles' }).waitFor();
    await page.getByRole('button', { name: 'Reset two-step sign-in for Nia Nurse' }).waitFor();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/sign-in'));

    await page.getByLabel('E-mail').fill('admin@clinigraph.local');
    await page.getByLabel('Password').fill('clinigraph-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('form', { name: 'Two-step sign-in' }).waitFor();
    await page.getByLabel('Code').fill('000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That code is not right').waitFor();
    await screenshot(page, 'mfa-4-code-step');
    await page.getByLabel('Code').fill(await totpCode(secret));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto(`${web.baseUrl}/admin`);
    await page.getByRole('heading', { name: 'Users and roles' }).waitFor();
    await page.goto(`${web.baseUrl}/account/security`);
    await page.getByText(/Two-step sign-in is on\. You have 10 unused recovery codes\./).waitFor();
    await screenshot(page, 'mfa-5-signed-in-with-code');
  });
});
