import { createQuery } from '@urql/solid';
import { LAB_ORDER_FIELDS } from '../../features/labs/fields.ts';
import { LabResults } from '../../features/labs/LabResults.tsx';
import { useApp } from '../../lib/app-context.ts';
import { graphql } from '../../lib/graphql.ts';
import { Available } from '../../ui/Available.tsx';
import { Loaded } from '../../ui/Loaded.tsx';

export const MY_RESULTS = graphql(
  `
  query MyResults($id: ID!) {
    patient(id: $id) { id labOrders { ...LabOrderFields } }
  }
`,
  [LAB_ORDER_FIELDS],
);

/** Lab results the clinic has released to the patient. */
export function MyResults() {
  const { session } = useApp();
  const [result] = createQuery({
    query: MY_RESULTS,
    variables: () => ({ id: session.account()?.patientId ?? '' }),
  });
  return (
    <section class="page" aria-labelledby="results-title">
      <h1 id="results-title">My results</h1>
      <Loaded result={result} isEmpty={(d) => d.patient.labOrders?.length === 0} empty="No results have been released to you yet.">
        {(data) => (
          <Available value={data().patient.labOrders} what="Your results are">
            {(orders) => <LabResults orders={orders()} />}
          </Available>
        )}
      </Loaded>
    </section>
  );
}
