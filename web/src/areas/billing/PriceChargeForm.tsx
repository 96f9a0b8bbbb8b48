import { createMutation } from '@urql/solid';
import { createSignal } from 'solid-js';
import { parseMoney } from '../../lib/format.ts';
import { graphql } from '../../lib/graphql.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';

export const PRICE_CHARGE = graphql(`
  mutation PriceCharge($id: ID!, $unitPriceMinor: Int!, $taxRateBasisPoints: Int) {
    priceCharge(id: $id, unitPriceMinor: $unitPriceMinor, taxRateBasisPoints: $taxRateBasisPoints) { id unpriced unitPriceMinor taxRateBasisPoints }
  }
`);

/** Gives an unpriced charge its unit price (and tax rate), so it can be invoiced. */
export function PriceChargeForm(props: { charge: { id: string; description: string; currency: string }; onDone: () => void }) {
  const [price, setPrice] = createSignal('');
  const [tax, setTax] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, priceIt] = createMutation(PRICE_CHARGE);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const minor = parseMoney(price(), props.charge.currency);
    const taxOk = !tax().trim() || (/^\d+(\.\d{1,2})?$/.test(tax().trim()) && Number(tax()) <= 100);
    const found: Record<string, string> = {};
    if (minor === null) found.price = 'Enter a price, e.g. 35.00.';
    if (!taxOk) found.tax = 'Enter a tax rate from 0 to 100%, or leave it empty.';
    setErrors(found);
    if (Object.keys(found).length || minor === null) return;
    const result = await priceIt({
      id: props.charge.id,
      unitPriceMinor: minor,
      ...(tax().trim() ? { taxRateBasisPoints: Math.round(Number(tax()) * 100) } : {}),
    });
    if (result.data) props.onDone();
  };
  return (
    <form onSubmit={submit} aria-label={`Price ${props.charge.description}`} class="row" novalidate>
      <Field label={`Unit price (${props.charge.currency})`} error={errors().price}>
        {(c) => <input {...c} inputmode="decimal" value={price()} onInput={(e) => setPrice(e.currentTarget.value)} />}
      </Field>
      <Field label="Tax (%)" error={errors().tax}>
        {(c) => <input {...c} inputmode="decimal" value={tax()} onInput={(e) => setTax(e.currentTarget.value)} />}
      </Field>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Set price
      </button>
    </form>
  );
}
