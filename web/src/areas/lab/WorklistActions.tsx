import { A } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import { createSignal, Match, Switch } from 'solid-js';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { COLLECT_SAMPLE, RECEIVE_ORDER, type WorklistOrder } from './queries.ts';

/** The next step for one order on the worklist: collect the sample, receive it, or open it for results. The worklist follows the change live. */
export function WorklistActions(props: { order: WorklistOrder }) {
  const [specimen, setSpecimen] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [collected, collect] = createMutation(COLLECT_SAMPLE);
  const [received, receive] = createMutation(RECEIVE_ORDER);
  const submitCollect = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!specimen().trim()) {
      setError('Say which specimen was taken, e.g. "serum".');
      return;
    }
    setError(null);
    await collect({ orderId: props.order.id, specimen: specimen().trim() });
  };
  const doReceive = () => receive({ id: props.order.id });
  return (
    <Switch
      fallback={
        <A href={`/lab/orders/${props.order.id}`} class="button">
          Open order for {props.order.patient.displayName}
        </A>
      }
    >
      <Match when={props.order.status === 'ORDERED'}>
        <form onSubmit={submitCollect} aria-label={`Collect sample for ${props.order.patient.displayName}`} novalidate>
          <Field label="Specimen" error={error()}>
            {(c) => <input {...c} value={specimen()} onInput={(e) => setSpecimen(e.currentTarget.value)} />}
          </Field>
          <ErrorNotice error={collected.error} />
          <button type="submit" disabled={collected.fetching}>
            Record collection
          </button>
        </form>
      </Match>
      <Match when={props.order.status === 'COLLECTED'}>
        <ErrorNotice error={received.error} />
        <button type="button" onClick={doReceive} disabled={received.fetching}>
          Receive sample for {props.order.patient.displayName}
        </button>
      </Match>
    </Switch>
  );
}
