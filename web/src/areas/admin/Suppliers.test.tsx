import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

const medline = { id: 'sup-1', code: 'MEDLINE', name: 'MedLine Supplies', email: 'orders@medline.test', phone: null, leadTimeDays: 5, active: true };

function suppliersPage(handlers: Parameters<typeof renderApp>[0]['handlers'] = {}) {
  const suppliers: Record<string, unknown>[] = [medline];
  const app = renderApp({
    path: '/admin/suppliers',
    account: accountWith(['ADMIN']),
    handlers: {
      AdminSuppliers: () => ({ data: { suppliers } }),
      CreateSupplier: ({ input }) => {
        const row = { id: 'sup-2', active: true, ...input };
        suppliers.push(row);
        return { data: { createSupplier: { __typename: 'Supplier', ...row } } };
      },
      ...handlers,
    },
  });
  return { app };
}

const fill = (form: HTMLElement, label: string, value: string) => fireEvent.input(within(form).getByLabelText(label), { target: { value } });

describe('suppliers', () => {
  it('lists suppliers with contact and lead time', async () => {
    suppliersPage();
    const row = (await screen.findByText('MedLine Supplies')).closest('tr')!;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['MEDLINE', 'orders@medline.test', '5 days']);
  });

  it('adds a supplier and lists it at once', async () => {
    const { app } = suppliersPage();
    await screen.findByText('MedLine Supplies');
    const form = screen.getByRole('form', { name: 'New supplier' });
    fill(form, 'Code', 'PHARMA-CO');
    fill(form, 'Name', 'Pharma Co');
    fill(form, 'Phone', '+1 555 0100');
    fill(form, 'Lead time (days)', '10');
    fireEvent.click(within(form).getByRole('button', { name: 'Add supplier' }));
    const row = (await screen.findByText('Pharma Co')).closest('tr')!;
    expect(row.textContent).toContain('10 days');
    expect(app.gateway.named('CreateSupplier')[0]?.variables.input).toEqual({
      code: 'PHARMA-CO',
      name: 'Pharma Co',
      email: null,
      phone: '+1 555 0100',
      leadTimeDays: 10,
    });
  });

  it('marks the field the API refuses', async () => {
    suppliersPage({
      CreateSupplier: () =>
        apiError('BAD_USER_INPUT', 'code: is already used by another supplier', { issues: [{ path: 'code', message: 'is already used by another supplier' }] }),
    });
    await screen.findByText('MedLine Supplies');
    const form = screen.getByRole('form', { name: 'New supplier' });
    fill(form, 'Code', 'MEDLINE');
    fill(form, 'Name', 'MedLine again');
    fill(form, 'E-mail', 'not-an-address');
    fireEvent.click(within(form).getByRole('button', { name: 'Add supplier' }));
    expect(await within(form).findByText('Enter a valid e-mail address.')).toBeTruthy();
    fill(form, 'E-mail', '');
    fireEvent.click(within(form).getByRole('button', { name: 'Add supplier' }));
    const code = within(form).getByLabelText('Code');
    await waitFor(() => expect(code.getAttribute('aria-invalid')).toBe('true'));
    expect(code.parentElement!.querySelector('.field-error')?.textContent).toBe('is already used by another supplier');
  });
});
