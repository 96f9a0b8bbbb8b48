import { For } from 'solid-js';
import { Field } from '../ui/Field.tsx';
import type { FacilityInfo } from './facilities.ts';

/** Chooses a facility; hidden behind a plain label when there is only one. */
export function FacilitySelect(props: { facilities: FacilityInfo[]; value: string | undefined; onChange: (id: string) => void }) {
  return (
    <Field label="Facility">
      {(c) => (
        <select {...c} value={props.value ?? ''} onChange={(e) => props.onChange(e.currentTarget.value)} disabled={props.facilities.length < 2}>
          <For each={props.facilities}>
            {(f) => (
              <option value={f.id} selected={f.id === props.value}>
                {f.name}
              </option>
            )}
          </For>
        </select>
      )}
    </Field>
  );
}
