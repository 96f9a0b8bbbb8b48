import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

const medline = { id: 'sup-1', name: 'MedLine Supplies', active: true };
const amoxicillin = {
  id: 'item-1',
  sku: 'AMOX-500',
  name: 'Amoxicillin 500 mg',
  kind: 'MEDICINE',
  unit: 'capsule',
  genericName: 'amoxicillin',
  form: 'capsule',
  strength: '500 mg',
  reorderLevel: 100,
  reorderQuantity: 500,
  active: true,
  preferredSupplier: { id: medline.id, name: medline.name },
};

/** The catalogue page against a gateway that keeps what it is sent, as the API would. */
function cataloguePage(handlers: Parameters<typeof renderApp>[0]['handlers'] = {}) {
  const items: Record<string, any>[] = [structuredClone(amoxicillin)];
  const supplierOf = (id: string | null) => (id === medline.id ? { id, name: medline.name } : null);
  const app = renderApp({
    path: '/admin/catalogue',
    account: accountWith(['ADMIN']),
    handlers: {
      Catalogue: () => ({ data: { items, suppliers: [medline] } }),
      CreateItem: ({ input: { preferredSupplierId, ...input } }) => {
        const row = { id: 'item-2', active: true, ...input, preferredSupplier: supplierOf(preferredSupplierId) };
        items.push(row);
        return { data: { createItem: { __typename: 'Item', ...row } } };
      },
      UpdateItem: ({ id, input: { preferredSupplierId, ...input } }) => {
        const row = items.find((i) => i.id === id)!;
        Object.assign(row, input, { preferredSupplier: supplierOf(preferredSupplierId) });
        return { data: { updateItem: { __typename: 'Item', ...row } } };
      },
      ...handlers,
    },
  });
  return { app, items };
}

const fill = (form: HTMLElement, label: string, value: string) => fireEvent.input(within(form).getByLabelText(label), { target: { value } });
const rowOf = (name: string) => screen.getByText(name, { exact: false, selector: 'th' }).closest('tr')!;

describe('the catalogue', () => {
  it('lists items with their reorder levels and supplier', async () => {
    cataloguePage();
    await screen.findByText('Amoxicillin 500 mg');
    const cells = [...rowOf('Amoxicillin 500 mg').querySelectorAll('td')].map((td) => td.textContent);
    expect(cells).toEqual(['AMOX-500', 'Medicine', 'capsule', '100', '500', 'MedLine Supplies', 'Edit']);
  });

  it('adds an item and lists it at once', async () => {
    const { app } = cataloguePage();
    await screen.findByText('Amoxicillin 500 mg');
    const form = screen.getByRole('form', { name: 'New catalogue item' });
    fill(form, 'SKU', 'GLOVE-M');
    fireEvent.change(within(form).getByLabelText('Kind'), { target: { value: 'CONSUMABLE' } });
    fill(form, 'Name', 'Examination gloves, medium');
    fill(form, 'Unit', 'pair');
    fill(form, 'Reorder level', '200');
    fill(form, 'Reorder quantity', '1000');
    fireEvent.change(within(form).getByLabelText('Preferred supplier'), { target: { value: 'sup-1' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add item' }));
    expect(await screen.findByText('Examination gloves, medium')).toBeTruthy();
    expect(app.gateway.named('CreateItem')[0]?.variables.input).toEqual({
      sku: 'GLOVE-M',
      kind: 'CONSUMABLE',
      name: 'Examination gloves, medium',
      unit: 'pair',
      genericName: null,
      form: null,
      strength: null,
      reorderLevel: 200,
      reorderQuantity: 1000,
      preferredSupplierId: 'sup-1',
    });
  });

  it('changes a reorder level, and the table shows it without a reload', async () => {
    cataloguePage();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Amoxicillin 500 mg' }));
    const form = screen.getByRole('form', { name: 'Edit Amoxicillin 500 mg' });
    fill(form, 'Reorder level', '150');
    fireEvent.click(within(form).getByRole('checkbox', { name: 'In use' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Save item' }));
    await waitFor(() => expect(rowOf('Amoxicillin 500 mg').textContent).toContain('(not in use)'));
    expect(rowOf('Amoxicillin 500 mg').querySelectorAll('td')[3]?.textContent).toBe('150');
  });

  it('refuses a fractional level before sending, and marks the field the API names', async () => {
    const { app } = cataloguePage({
      CreateItem: () =>
        apiError('BAD_USER_INPUT', 'sku: is already used by another item', { issues: [{ path: 'sku', message: 'is already used by another item' }] }),
    });
    await screen.findByText('Amoxicillin 500 mg');
    const form = screen.getByRole('form', { name: 'New catalogue item' });
    fill(form, 'SKU', 'AMOX-500');
    fill(form, 'Name', 'Amoxicillin again');
    fill(form, 'Generic name', 'amoxicillin');
    fill(form, 'Unit', 'capsule');
    fill(form, 'Reorder level', '2.5');
    fireEvent.click(within(form).getByRole('button', { name: 'Add item' }));
    expect(await within(form).findByText('Enter a whole number from 0 to 1,000,000.')).toBeTruthy();
    expect(app.gateway.named('CreateItem')).toHaveLength(0);
    fill(form, 'Reorder level', '20');
    fireEvent.click(within(form).getByRole('button', { name: 'Add item' }));
    const sku = within(form).getByLabelText('SKU');
    await waitFor(() => expect(sku.getAttribute('aria-invalid')).toBe('true'));
    expect(sku.parentElement!.querySelector('.field-error')?.textContent).toBe('is already used by another item');
  });
});
