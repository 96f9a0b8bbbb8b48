import { cleanup, fireEvent, screen, within } from '@solidjs/testing-library';
import { createQuery } from '@urql/solid';
import { Show } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { graphql } from '../../lib/graphql.ts';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { ALLERGY_FIELDS, AllergyList } from './AllergyList.tsx';

afterEach(cleanup);

/** The allergies as a chart reads them: the list must follow the API after each change. */
const CHART_ALLERGIES = graphql(
  `
  query ChartAllergies($id: ID!) { patient(id: $id) { id allergies { ...AllergyFields } } }
`,
  [ALLERGY_FIELDS],
);

function Chart() {
  const [result] = createQuery({ query: CHART_ALLERGIES, variables: { id: 'pat-1' } });
  return <Show when={result.data?.patient}>{(patient) => <AllergyList patientId={patient().id} allergies={patient().allergies} />}</Show>;
}

const allergy = (id: string, substance: string) => ({ __typename: 'Allergy' as const, id, substance, severity: 'SEVERE' as const, reaction: 'hives' });

describe('removing an allergy', () => {
  it('asks once more, removes it, and the chart shows the list without it, without a reload', async () => {
    let allergies = [allergy('al-1', 'Penicillin'), allergy('al-2', 'Latex')];
    const patient = () => ({ __typename: 'Patient' as const, id: 'pat-1', allergies });
    const view = renderComponent(() => <Chart />, {
      account: accountWith(['DOCTOR']),
      handlers: {
        ChartAllergies: () => ({ data: { patient: patient() } }),
        RemoveAllergy: (v) => {
          allergies = allergies.filter((a) => a.id !== v.id);
          return { data: { removeAllergy: patient() } };
        },
      },
    });
    const list = await screen.findByRole('region', { name: 'Allergies' });
    fireEvent.click(within(list).getByRole('button', { name: 'Remove allergy Latex' }));
    expect(view.gateway.named('RemoveAllergy')).toHaveLength(0);
    fireEvent.click(within(list).getByRole('button', { name: 'Keep' }));
    expect(within(list).queryByRole('button', { name: 'Yes, remove Latex' })).toBeNull();
    fireEvent.click(within(list).getByRole('button', { name: 'Remove allergy Latex' }));
    fireEvent.click(within(list).getByRole('button', { name: 'Yes, remove Latex' }));
    await vi.waitFor(() => expect(within(list).queryByText('Latex')).toBeNull());
    expect(view.gateway.named('RemoveAllergy')[0]?.variables).toEqual({ id: 'al-2' });
    expect(within(list).getByText('Penicillin')).toBeTruthy();
  });

  it('says "no known allergies" once the last one is removed', async () => {
    let allergies = [allergy('al-1', 'Penicillin')];
    const patient = () => ({ __typename: 'Patient' as const, id: 'pat-1', allergies });
    renderComponent(() => <Chart />, {
      account: accountWith(['NURSE']),
      handlers: {
        ChartAllergies: () => ({ data: { patient: patient() } }),
        RemoveAllergy: () => {
          allergies = [];
          return { data: { removeAllergy: patient() } };
        },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Remove allergy Penicillin' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove Penicillin' }));
    expect(await screen.findByText('No known allergies recorded.')).toBeTruthy();
  });
});
