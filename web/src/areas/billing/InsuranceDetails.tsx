import { createMutation, createQuery } from '@urql/solid';
import { For } from 'solid-js';
import { formatDate } from '../../lib/format.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { INSURANCE_DETAILS, REMOVE_INSURANCE_DETAIL } from './account-queries.ts';
import { InsuranceDetailForm } from './InsuranceDetailForm.tsx';

/** The insurance cards on the patient's record (people's), adding and removing them. */
export function InsuranceDetails(props: { patientId: string }) {
  // Adding or removing answers the Patient, which this query holds: the document cache refetches it.
  const [result] = createQuery({ query: INSURANCE_DETAILS, variables: () => ({ patientId: props.patientId }) });
  const [removed, remove] = createMutation(REMOVE_INSURANCE_DETAIL);
  return (
    <section class="card" aria-label="Insurance cards">
      <h2>Insurance cards</h2>
      <Loaded result={result} isEmpty={(d) => !d.patient.insurance.length} empty="No insurance card on file.">
        {(data) => (
          <ul>
            <For each={data().patient.insurance}>
              {(d) => (
                <li>
                  {d.payer} · member {d.memberId}
                  {d.groupNumber ? ` · group ${d.groupNumber}` : ''}
                  {d.validUntil ? ` · valid until ${formatDate(d.validUntil)}` : ''}{' '}
                  <button
                    type="button"
                    class="secondary"
                    aria-label={`Remove ${d.payer} card ${d.memberId}`}
                    disabled={removed.fetching}
                    onClick={() => remove({ id: d.id })}
                  >
                    Remove
                  </button>
                </li>
              )}
            </For>
          </ul>
        )}
      </Loaded>
      <ErrorNotice error={removed.error} />
      <InsuranceDetailForm patientId={props.patientId} />
    </section>
  );
}
