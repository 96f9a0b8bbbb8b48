import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { PatientPicker, type PatientSummary } from './PatientPicker.tsx';

afterEach(cleanup);

describe('picking a patient', () => {
  it('searches once typing pauses and picks the one chosen', async () => {
    const [chosen, setChosen] = createSignal<PatientSummary | null>(null);
    const view = renderComponent(() => <PatientPicker selected={chosen()} onSelect={setChosen} />, {
      account: accountWith(['RECEPTIONIST']),
      handlers: {
        SearchPatients: (v) => ({
          data: {
            patients: { nodes: v.search === 'jam' ? [{ id: 'pat-2', mrn: 'CG02', displayName: 'James Chen', dateOfBirth: '1972-11-02', phone: null }] : [] },
          },
        }),
      },
    });
    const box = screen.getByRole('searchbox', { name: 'Patient' });
    fireEvent.input(box, { target: { value: 'j' } });
    fireEvent.input(box, { target: { value: 'jam' } });
    fireEvent.click(await screen.findByRole('button', { name: /James Chen · CG02/ }));
    expect(chosen()?.id).toBe('pat-2');
    expect(view.gateway.named('SearchPatients').map((s) => s.variables.search)).toEqual(['jam']);
    expect(screen.getByRole('button', { name: 'Change patient' })).toBeTruthy();
  });
});
