import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { EmergencyContacts } from './EmergencyContacts.tsx';

afterEach(cleanup);

describe('emergency contacts', () => {
  it('validates a new contact, adds it and removes one', async () => {
    const contacts = [{ id: 'ec-1', name: 'Luis Garcia', relationship: 'Brother', phone: '+1 555 0199' }];
    const view = renderComponent(() => <EmergencyContacts patientId="pat-1" contacts={contacts} />, {
      account: accountWith(['PATIENT'], { patientId: 'pat-1' }),
      handlers: {
        AddEmergencyContact: () => ({ data: { addEmergencyContact: { id: 'pat-1', emergencyContacts: contacts } } }),
        RemoveEmergencyContact: () => ({ data: { removeEmergencyContact: { id: 'pat-1', emergencyContacts: [] } } }),
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add contact' }));
    expect(await screen.findByText('Enter their phone number.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Ana Garcia' } });
    fireEvent.input(screen.getByLabelText('Relationship'), { target: { value: 'Mother' } });
    fireEvent.input(screen.getByLabelText('Phone'), { target: { value: '+1 555 0100' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add contact' }));
    await waitFor(() =>
      expect(view.gateway.named('AddEmergencyContact')[0]?.variables).toEqual({
        patientId: 'pat-1',
        input: { name: 'Ana Garcia', relationship: 'Mother', phone: '+1 555 0100' },
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove Luis Garcia' }));
    await waitFor(() => expect(view.gateway.named('RemoveEmergencyContact')[0]?.variables).toEqual({ id: 'ec-1' }));
  });
});
