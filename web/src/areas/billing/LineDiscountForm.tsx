import { createMutation } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { describeError } from '../../lib/errors.ts';
import { check, collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import type { InvoiceDetailInfo } from './invoice-queries.ts';
import { SET_LINE_DISCOUNT } from './line-queries.ts';

/** A percentage off one line of a draft invoice, with the reason (0% removes it). */
export function LineDiscountForm(props: { invoice: InvoiceDetailInfo }) {
  const [lineId, setLineId] = createSignal(props.invoice.lines[0]?.id ?? '');
  const [percent, setPercent] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, apply] = createMutation(SET_LINE_DISCOUNT);
  const fields = () => ({ ...(describeError(state.error)?.fields ?? {}), ...errors() });
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const value = percent().trim();
    const ok = /^\d+(\.\d{1,2})?$/.test(value) && Number(value) <= 100;
    const basisPoints = ok ? Math.round(Number(value) * 100) : 0;
    const found = collect({
      lineId: lineId() ? null : 'Choose a line.',
      discountBasisPoints: ok ? null : 'Enter a percentage from 0 to 100, e.g. 10 or 12.5.',
      reason: basisPoints > 0 ? check.required(reason(), 'Say why the discount is given.') : null,
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const r = await apply({ lineId: lineId(), discount: { discountBasisPoints: basisPoints, ...(basisPoints > 0 ? { reason: reason().trim() } : {}) } });
    if (r.data) {
      setPercent('');
      setReason('');
    }
  };
  return (
    <form onSubmit={submit} aria-label="Line discount" class="card" novalidate>
      <h2>Discount one line</h2>
      <Field label="Line" error={fields().lineId}>
        {(c) => (
          <select {...c} value={lineId()} onChange={(e) => setLineId(e.currentTarget.value)}>
            <For each={props.invoice.lines}>{(l) => <option value={l.id}>{`${l.description} (${l.code})`}</option>}</For>
          </select>
        )}
      </Field>
      <Field label="Line discount (%)" error={fields().discountBasisPoints}>
        {(c) => <input {...c} inputmode="decimal" value={percent()} onInput={(e) => setPercent(e.currentTarget.value)} />}
      </Field>
      <Field label="Reason for line discount" error={fields().reason}>
        {(c) => <input {...c} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      <ErrorNotice error={Object.keys(errors()).length ? null : state.error} />
      <button type="submit" disabled={state.fetching || !props.invoice.lines.length}>
        Discount line
      </button>
      <Status when={state.data}>Line discount saved.</Status>
    </form>
  );
}
