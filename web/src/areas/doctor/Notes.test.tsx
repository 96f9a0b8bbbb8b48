import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { maskFragments } from '../../lib/graphql.ts';
import { apiError } from '../../testing/fake-gateway.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { Notes } from './Notes.tsx';
import { NOTE_FIELDS, NOTE_VERSION_FIELDS } from './queries.ts';

afterEach(cleanup);

const v = (version: number, subjective: string, changeReason: string | null = null) =>
  maskFragments([NOTE_VERSION_FIELDS], {
    version,
    editedAt: `2026-11-24T0${version}:00:00.000Z`,
    changeReason,
    sections: [{ key: 'subjective', title: 'Subjective', text: subjective }],
  });
const note = maskFragments([NOTE_FIELDS], {
  id: 'note-1',
  template: 'SOAP',
  currentVersion: 2,
  current: v(2, 'Cough for 5 days', 'Duration corrected'),
  versions: [v(1, 'Cough for 3 days'), v(2, 'Cough for 5 days', 'Duration corrected')],
});
const templates = {
  noteTemplates: [{ template: 'SOAP', title: 'SOAP', sections: [{ key: 'subjective', title: 'Subjective', prompt: 'What the patient says' }] }],
};

describe('clinical notes', () => {
  it('shows the current text and every earlier version', async () => {
    renderComponent(() => <Notes encounterId="enc-1" notes={[note]} editable={false} onChanged={() => {}} />, { account: accountWith(['DOCTOR']) });
    expect(screen.getAllByText('Cough for 5 days')).toHaveLength(2);
    const history = screen.getByText('Version history (2)').closest('details')!;
    expect(within(history).getByText('Cough for 3 days')).toBeTruthy();
    expect(within(history).getByText(/Duration corrected/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
  });

  it('saves an edit against the version it started from, and says so when someone saved a newer one', async () => {
    const changed = vi.fn();
    const view = renderComponent(() => <Notes encounterId="enc-1" notes={[note]} editable onChanged={changed} />, {
      account: accountWith(['DOCTOR']),
      handlers: { NoteTemplates: () => ({ data: templates }), EditNote: () => apiError('CONFLICT', 'Version 3 was saved meanwhile; reload and edit that') },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const box = await screen.findByLabelText('Subjective');
    fireEvent.input(box, { target: { value: 'Cough for a week' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Version 3 was saved meanwhile');
    expect(view.gateway.named('EditNote')[0]?.variables).toEqual({
      noteId: 'note-1',
      expectedVersion: 2,
      sections: [{ key: 'subjective', text: 'Cough for a week' }],
      reason: null,
    });
    expect(changed).not.toHaveBeenCalled();
  });
});
