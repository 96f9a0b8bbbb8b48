import { codeOf, linkIn, outboxMark, waitForMail } from '@clinigraph/kit/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newScreen, PHONE, screenshot, signIn } from '../support/browser.ts';
import { startWebStack, type WebStack } from '../support/stack.ts';

/**
 * Passwords through the screens: a patient who forgot hers resets it from the mailed link and signs in
 * with the new one; an admin sends a staff member a link, who then changes the password again from
 * "My account". Mail is read from the dev transport's capture, in this process.
 */
let web: WebStack;
let browser: Browser;
const screens: Record<string, Page> = {};

const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';

beforeAll(async () => {
  web = await startWebStack();
  browser = await launchBrowser();
});
afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  for (const [who, page] of Object.entries(screens)) await screenshot(page, `password-reset-failed-${who}`).catch(() => {});
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

const signsIn = async (email: string, password: string) => codeOf(await web.stack.anonymous.request(LOGIN, { email, password }));

/** Fills the reset page's form and saves. */
async function chooseNewPassword(page: Page, password: string, again = password) {
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('New password again').fill(again);
  await page.getByRole('button', { name: 'Save new password' }).click();
}

describe('journey: a forgotten password', () => {
  it('a patient asks for a link, resets through the mailed link, and signs in with the new password', async () => {
    const email = 'aisha@example.com';
    const { page } = await newScreen(browser, PHONE);
    screens.patient = page;
    await page.goto(`${web.baseUrl}/sign-in`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('E-mail').fill(email);
    const mark = outboxMark();
    await page.getByRole('button', { name: 'Send me a reset link' }).click();
    await page.getByRole('heading', { name: 'Check your e-mail' }).waitFor();
    await screenshot(page, 'password-reset-1-link-requested');

    const link = linkIn(await waitForMail(email, mark));
    expect(link.origin).toBe(web.baseUrl);
    expect(link.pathname).toBe('/reset-password');
    await page.goto(link.toString());
    await chooseNewPassword(page, 'too short');
    await page.getByText('Use at least 10 characters.').waitFor();
    await screenshot(page, 'password-reset-2-checked-before-sending');
    await chooseNewPassword(page, 'aisha has a new password');
    await page.getByRole('heading', { name: 'Your password has been changed' }).waitFor();
    await screenshot(page, 'password-reset-3-changed');

    await page.getByRole('link', { name: 'Sign in with your new password' }).click();
    await page.getByRole('form', { name: 'Sign in' }).waitFor();
    await signIn(page, web.baseUrl, email, 'aisha has a new password');
    expect(new URL(page.url()).pathname).toBe('/portal');
    await page.getByRole('link', { name: 'Aisha Khan' }).waitFor();
    await screenshot(page, 'password-reset-4-signed-in');
    expect(await signsIn(email, 'clinigraph-demo')).toBe('UNAUTHENTICATED');

    await page.goto(link.toString());
    await chooseNewPassword(page, 'someone tries it again');
    await page.getByText('This reset link has already been used. Each link works once.').waitFor();
    await screenshot(page, 'password-reset-5-link-used');
    expect(await signsIn(email, 'someone tries it again')).toBe('UNAUTHENTICATED');
  });

  it('an admin sends a lab technician a link; she resets, then changes it again from My account', async () => {
    const email = 'lab@clinigraph.local';
    const { page: adminPage } = await newScreen(browser);
    screens.admin = adminPage;
    await signIn(adminPage, web.baseUrl, 'admin@clinigraph.local');
    await adminPage.goto(`${web.baseUrl}/admin`);
    await adminPage.getByLabel('Search').fill('lab@');
    const send = adminPage.getByRole('button', { name: 'Send reset link to Lee Lab' });
    await adminPage
      .getByRole('button', { name: /^Send reset link to / })
      .nth(1)
      .waitFor({ state: 'detached' });
    const mark = outboxMark();
    await send.click();
    await adminPage.getByText(`A password-reset link was sent to ${email}. It works for one hour.`).waitFor();
    await screenshot(adminPage, 'password-reset-6-admin-sent-link');

    const { page } = await newScreen(browser);
    screens.lab = page;
    await page.goto(linkIn(await waitForMail(email, mark)).toString());
    await chooseNewPassword(page, 'lab reset this one');
    await page.getByRole('link', { name: 'Sign in with your new password' }).click();
    await signIn(page, web.baseUrl, email, 'lab reset this one');

    await page.locator('header a.who[href="/account"]').click();
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    await page.getByLabel('Current password').fill('lab reset this one');
    await page.getByLabel('New password', { exact: true }).fill('lab changed it again');
    await page.getByLabel('New password again').fill('lab changed it again');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password has been changed. Other devices signed in to your account have been signed out.').waitFor();
    await screenshot(page, 'password-reset-7-changed-from-my-account');
    // Still signed in with the fresh session: a page of the lab area loads its data.
    await page.getByRole('link', { name: 'Lab', exact: true }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await signsIn(email, 'lab reset this one')).toBe('UNAUTHENTICATED');
    expect(await signsIn(email, 'lab changed it again')).toBeNull();
  });
});
