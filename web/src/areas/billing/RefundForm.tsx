import { createMutation } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { describeError } from '../../lib/errors.ts';
import { formatMoney, parseMoney } from '../../lib/format.ts';
import type { VariablesOf } from '../../lib/graphql.ts';
import { check, collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import { REFUND_CREDIT } from './account-queries.ts';

type Method = VariablesOf<typeof REFUND_CREDIT>['input']['method'];

/** Gives a patient's credit back, in cash or to their card, with the reason. */
export function RefundForm(props: { patientId: string; credit: { currency: string; balanceMinor: number }[] }) {
  const [currency, setCurrency] = createSignal(props.credit[0]?.currency ?? 'USD');
  const [amount, setAmount] = createSignal('');
  const [method, setMethod] = createSignal<Method>('CASH');
  const [reference, setReference] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, refund] = createMutation(REFUND_CREDIT);
  const available = () => props.credit.find((c) => c.currency === currency())?.balanceMinor ?? 0;
  const fields = () => ({ ...(describeError(state.error)?.fields ?? {}), ...errors() });
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const minor = parseMoney(amount(), currency());
    const found = collect({
      amountMinor: minor === null || minor <= 0 || minor > available() ? `Enter an amount up to ${formatMoney(available(), currency())}.` : null,
      reason: reason().trim().length >= 3 ? null : 'Say why the money is given back.',
      reference: method() === 'CARD' ? check.required(reference(), 'Give the card refund reference.') : null,
    });
    setErrors(found);
    if (Object.keys(found).length || minor === null) return;
    const result = await refund({
      input: {
        patientId: props.patientId,
        currency: currency(),
        amountMinor: minor,
        method: method(),
        reason: reason().trim(),
        ...(reference().trim() ? { reference: reference().trim() } : {}),
      },
    });
    if (!result.data) return;
    setAmount('');
    setReason('');
    setReference('');
  };
  return (
    <form onSubmit={submit} aria-label="Refund credit" class="card" novalidate>
      <h3>Refund credit</h3>
      <div class="row">
        <Field label="Currency">
          {(c) => (
            <select {...c} value={currency()} onChange={(e) => setCurrency(e.currentTarget.value)}>
              <For each={props.credit}>{(cr) => <option value={cr.currency}>{cr.currency}</option>}</For>
            </select>
          )}
        </Field>
        <Field label="Refund amount" error={fields().amountMinor} hint={`Available: ${formatMoney(available(), currency())}`}>
          {(c) => <input {...c} inputmode="decimal" value={amount()} onInput={(e) => setAmount(e.currentTarget.value)} />}
        </Field>
        <Field label="Refund method">
          {(c) => (
            <select {...c} value={method()} onChange={(e) => setMethod(e.currentTarget.value as Method)}>
              <option value="CASH">Cash</option>
              <option value="CARD">Card</option>
            </select>
          )}
        </Field>
        <Field label="Refund reference" error={fields().reference}>
          {(c) => <input {...c} value={reference()} onInput={(e) => setReference(e.currentTarget.value)} />}
        </Field>
        <Field label="Reason for refund" error={fields().reason}>
          {(c) => <input {...c} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
      </div>
      <ErrorNotice error={Object.keys(errors()).length ? null : state.error} />
      <button type="submit" disabled={state.fetching || !props.credit.length}>
        Refund
      </button>
      <Status when={state.data}>
        Refund {state.data?.refundPatientCredit.number}:{' '}
        {formatMoney(state.data?.refundPatientCredit.amountMinor ?? 0, state.data?.refundPatientCredit.currency ?? 'USD')} given back.
      </Status>
    </form>
  );
}
