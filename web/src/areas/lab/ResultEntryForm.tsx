import { createMutation } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { describeError } from '../../lib/errors.ts';
import { RESULT_FLAG } from '../../lib/labels/clinical.ts';
import { collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';
import { ENTER_RESULT, type LabItemInfo, rangeText } from './queries.ts';

/** What is wrong with a typed value: not a number, or outside the test's physiological limits (the API refuses those). */
function valueProblem(typed: string, item: LabItemInfo): string | null {
  if (!/^-?\d+(\.\d+)?$/.test(typed.trim())) return 'Enter a number, e.g. 4.2.';
  const n = Number(typed.trim());
  const { plausibleLow: low, plausibleHigh: high } = item;
  if ((low === null || n >= low) && (high === null || n <= high)) return null;
  const unit = item.unit ? ` ${item.unit}` : '';
  if (low === null) return `Enter a value up to ${high}${unit}. Check the value and its unit.`;
  if (high === null) return `Enter a value of at least ${low}${unit}. Check the value and its unit.`;
  return `Enter a value between ${low} and ${high}${unit}. Check the value and its unit.`;
}

/**
 * Enters one test's result: a number (the API flags it against the reference range) or a text result
 * with an abnormal tick. When a result exists this is a correction, which needs a reason; the earlier
 * version is kept.
 */
export function ResultEntryForm(props: { item: LabItemInfo; onSaved: () => void }) {
  const numeric = () => props.item.referenceLow !== null || props.item.referenceHigh !== null || !!props.item.unit;
  const correcting = () => !!props.item.result;
  const [value, setValue] = createSignal('');
  const [text, setText] = createSignal('');
  const [abnormal, setAbnormal] = createSignal(false);
  const [comment, setComment] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, enter] = createMutation(ENTER_RESULT);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found = collect({
      value: numeric() ? valueProblem(value(), props.item) : null,
      text: !numeric() && !text().trim() ? 'Enter the result.' : null,
      correctionReason: correcting() && reason().trim().length < 5 ? 'Say why this result is being corrected (at least 5 characters).' : null,
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await enter({
      orderItemId: props.item.id,
      ...(numeric() ? { value: Number(value().trim()) } : { text: text().trim(), abnormal: abnormal() }),
      ...(comment().trim() ? { comment: comment().trim() } : {}),
      ...(correcting() ? { correctionReason: reason().trim() } : {}),
    });
    if (!result.data) return;
    setValue('');
    setText('');
    setReason('');
    setComment('');
    props.onSaved();
  };
  const fieldError = (name: string) => errors()[name] ?? describeError(state.error)?.fields[name];
  return (
    <form onSubmit={submit} aria-label={`${correcting() ? 'Correct' : 'Enter'} ${props.item.testName}`} class="result-entry" novalidate>
      <Show
        when={numeric()}
        fallback={
          <>
            <Field label={`${props.item.testName} result`} error={fieldError('text')}>
              {(c) => <input {...c} value={text()} onInput={(e) => setText(e.currentTarget.value)} />}
            </Field>
            <label class="check">
              <input type="checkbox" checked={abnormal()} onChange={(e) => setAbnormal(e.currentTarget.checked)} /> Abnormal
            </label>
          </>
        }
      >
        <Field
          label={`${props.item.testName} value${props.item.unit ? ` (${props.item.unit})` : ''}`}
          hint={`Reference: ${rangeText(props.item)}`}
          error={fieldError('value')}
        >
          {(c) => (
            <input
              {...c}
              type="number"
              step="any"
              min={props.item.plausibleLow ?? undefined}
              max={props.item.plausibleHigh ?? undefined}
              inputmode="decimal"
              value={value()}
              onInput={(e) => setValue(e.currentTarget.value)}
            />
          )}
        </Field>
      </Show>
      <Field label="Comment">{(c) => <input {...c} value={comment()} onInput={(e) => setComment(e.currentTarget.value)} />}</Field>
      <Show when={correcting()}>
        <Field label="Reason for correction" error={fieldError('correctionReason')}>
          {(c) => <input {...c} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
      </Show>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        {correcting() ? 'Save correction' : 'Save result'}
      </button>
      <Status when={state.data}>
        Saved version {state.data?.enterLabResult.version}: {RESULT_FLAG[state.data?.enterLabResult.flag ?? 'NORMAL']}.
      </Status>
    </form>
  );
}
