import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newScreen, PHONE, screenshot, signIn } from '../support/browser.ts';
import { startWebStack, type WebStack } from '../support/stack.ts';

let web: WebStack;
let browser: Browser;

beforeAll(async () => {
  web = await startWebStack();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

const STAFF_AREAS = ['reception', 'doctor', 'pharmacy', 'billing', 'admin'];

describe('journey 4: a patient cannot reach a staff page', () => {
  it('refuses every staff URL typed by hand, never loads staff code, and the API refuses too', async () => {
    const { page } = await newScreen(browser, PHONE);
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await signIn(page, web.baseUrl, 'maria@example.com');
    expect(new URL(page.url()).pathname).toBe('/portal');

    const james = web.stack.seed.patientIds[1]!;
    const urls = [
      '/reception',
      '/reception/book',
      '/reception/patients',
      '/doctor',
      `/doctor/patients/${james}`,
      '/pharmacy/stock',
      '/billing',
      '/billing/reports',
      '/admin',
      '/admin/audit',
    ];
    for (const url of urls) {
      await page.goto(`${web.baseUrl}${url}`);
      await page.getByRole('heading', { name: 'This page is not available to you' }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Areas' }).getByRole('link').allTextContents()).toEqual(['My health']);
    }
    await screenshot(page, 'journey4-patient-refused-staff-page');
    expect(scripts.filter((s) => STAFF_AREAS.some((area) => s.includes(`/${area}-`)))).toEqual([]);

    const api = await page.evaluate(async (otherPatient) => {
      const { accessToken } = JSON.parse(sessionStorage.getItem('clinigraph.session')!) as { accessToken: string };
      const ask = async (query: string, variables = {}) => {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
        return body.errors?.[0]?.extensions?.code ?? null;
      };
      return {
        accounts: await ask('{ accounts { nodes { id } } }'),
        audit: await ask('{ auditEvents { nodes { id } } }'),
        otherPatient: await ask('query($id: ID!) { patient(id: $id) { id displayName } }', { id: otherPatient }),
        stock: await ask('{ stockBalances { quantity } }'),
      };
    }, james);
    expect(api).toEqual({ accounts: 'FORBIDDEN', audit: 'FORBIDDEN', otherPatient: 'NOT_FOUND', stock: 'FORBIDDEN' });
  });
});
