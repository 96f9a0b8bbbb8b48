import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith, renderApp } from '../../testing/render-app.tsx';

afterEach(cleanup);

function locationsPage(handlers: Parameters<typeof renderApp>[0]['handlers'] = {}) {
  const locations: Record<string, unknown>[] = [];
  const app = renderApp({
    path: '/admin/locations',
    account: accountWith(['ADMIN']),
    handlers: {
      AdminLocations: () => ({ data: { locations } }),
      CreateLocation: ({ input: { facilityId: _f, ...input } }) => {
        const row = { id: `loc-${locations.length + 1}`, active: true, ...input };
        locations.push(row);
        return { data: { createLocation: { __typename: 'Location', ...row } } };
      },
      ...handlers,
    },
  });
  return { app };
}

const fill = (form: HTMLElement, label: string, value: string) => fireEvent.input(within(form).getByLabelText(label), { target: { value } });

describe('stock locations', () => {
  it('adds the first location of a facility and lists it without a reload', async () => {
    const { app } = locationsPage();
    expect(await screen.findByText('No locations at this facility yet.')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'New location' });
    fill(form, 'Code', 'WARD-A');
    fill(form, 'Name', 'Ward A cabinet');
    fireEvent.change(within(form).getByLabelText('Kind'), { target: { value: 'WARD_CABINET' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add location' }));
    const row = (await screen.findByText('Ward A cabinet')).closest('tr')!;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['WARD-A', 'Ward cabinet']);
    expect(app.gateway.named('CreateLocation')[0]?.variables.input).toEqual({
      facilityId: 'fac-1',
      code: 'WARD-A',
      name: 'Ward A cabinet',
      kind: 'WARD_CABINET',
    });
    expect(app.gateway.named('AdminLocations').at(-1)?.variables).toEqual({ facilityId: 'fac-1' });
  });

  it('marks the field the API refuses', async () => {
    locationsPage({
      CreateLocation: () =>
        apiError('BAD_USER_INPUT', 'code: this facility already has a location with this code', {
          issues: [{ path: 'code', message: 'this facility already has a location with this code' }],
        }),
    });
    await screen.findByText('No locations at this facility yet.');
    const form = screen.getByRole('form', { name: 'New location' });
    fireEvent.click(within(form).getByRole('button', { name: 'Add location' }));
    expect(await within(form).findByText('Enter the location’s name.')).toBeTruthy();
    fill(form, 'Code', 'PHARM');
    fill(form, 'Name', 'Main pharmacy');
    fireEvent.click(within(form).getByRole('button', { name: 'Add location' }));
    const code = within(form).getByLabelText('Code');
    await waitFor(() => expect(code.getAttribute('aria-invalid')).toBe('true'));
    expect(code.parentElement!.querySelector('.field-error')?.textContent).toBe('this facility already has a location with this code');
  });
});
