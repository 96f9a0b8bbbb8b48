import { createQuery } from '@urql/solid';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { FacilitySelect } from '../../features/FacilitySelect.tsx';
import { useFacilityChoice } from '../../features/facilities.ts';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { Status } from '../../ui/Status.tsx';
import { AdjustForm } from './AdjustForm.tsx';
import { IssueStockForm } from './IssueStockForm.tsx';
import { useLocations } from './locations.ts';
import { ReceiveStockForm } from './ReceiveStockForm.tsx';
import { ReturnForm } from './ReturnForm.tsx';
import { LOT_BALANCES, type LotBalance } from './stock-ops.ts';
import { TransferForm } from './TransferForm.tsx';
import { WriteOffForm } from './WriteOffForm.tsx';

const keyOf = (b: LotBalance) => `${b.lot.id}@${b.location.id}`;

/**
 * Receive stock without an order, issue it to a ward, or pick a lot at a location to adjust its count,
 * move it, write it off or record a return.
 */
export function StockChanges() {
  const place = useFacilityChoice();
  const [result, refetch] = createQuery({
    query: LOT_BALANCES,
    variables: () => ({ facilityId: place.facility()?.id ?? '' }),
    pause: () => !place.facility(),
  });
  const locations = useLocations(() => place.facility()?.id);
  const [chosen, setChosen] = createSignal('');
  const [action, setAction] = createSignal<'ADJUST' | 'TRANSFER' | 'WRITE_OFF' | 'RETURN'>('ADJUST');
  const [done, setDone] = createSignal<string | null>(null);
  const balance = () => result.data?.stockBalances?.find((b) => keyOf(b) === chosen());
  const pick = <T,>(set: (value: T) => void, value: T) => {
    set(value);
    setDone(null);
  };
  const finish = (message: string) => {
    setDone(message);
    refetch({ requestPolicy: 'network-only' });
  };
  return (
    <section class="page" aria-labelledby="stock-changes-title">
      <h1 id="stock-changes-title">Stock changes</h1>
      <FacilitySelect facilities={place.facilities()} value={place.facility()?.id} onChange={place.choose} />
      <details>
        <summary>Receive stock without a purchase order</summary>
        <ReceiveStockForm locations={locations()} today={place.today()} onDone={finish} />
      </details>
      <details>
        <summary>Issue stock to a department or ward</summary>
        <IssueStockForm locations={locations()} onDone={finish} />
      </details>
      <h2>Change a lot at a location</h2>
      <Loaded result={result} isEmpty={(d) => !d.stockBalances.length} empty="No stock at this facility.">
        {(data) => (
          <div class="row">
            <Field label="Lot and location">
              {(c) => (
                <select {...c} value={chosen()} onChange={(e) => pick(setChosen, e.currentTarget.value)}>
                  <option value="">Choose…</option>
                  <For each={data().stockBalances}>
                    {(b) => (
                      <option value={keyOf(b)}>
                        {`${b.item.name} · lot ${b.lot.lotNumber}${b.lot.expiresOn ? ` (exp. ${b.lot.expiresOn})` : ''} · ${b.location.name} · ${b.quantity} ${b.item.unit}`}
                      </option>
                    )}
                  </For>
                </select>
              )}
            </Field>
            <Field label="Action">
              {(c) => (
                <select {...c} value={action()} onChange={(e) => pick(setAction, e.currentTarget.value as 'ADJUST')}>
                  <option value="ADJUST">Adjust the count</option>
                  <option value="TRANSFER">Transfer to another location</option>
                  <option value="WRITE_OFF">Write off</option>
                  <option value="RETURN">Record a return</option>
                </select>
              )}
            </Field>
          </div>
        )}
      </Loaded>
      <Status when={done()}>{done()}</Status>
      <Show when={balance()} keyed>
        {(b) => (
          <Switch>
            <Match when={action() === 'ADJUST'}>
              <AdjustForm balance={b} onDone={finish} />
            </Match>
            <Match when={action() === 'TRANSFER'}>
              <TransferForm balance={b} locations={locations()} onDone={finish} />
            </Match>
            <Match when={action() === 'WRITE_OFF'}>
              <WriteOffForm balance={b} today={place.today()} onDone={finish} />
            </Match>
            <Match when={action() === 'RETURN'}>
              <ReturnForm balance={b} onDone={finish} />
            </Match>
          </Switch>
        )}
      </Show>
    </section>
  );
}
