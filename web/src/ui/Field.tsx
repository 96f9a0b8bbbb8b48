import { createUniqueId, type JSX, Show } from 'solid-js';

export interface FieldControl {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/** A labelled form control with its hint and validation message wired for screen readers. */
export function Field(props: { label: string; error?: string | null; hint?: string; children: (control: FieldControl) => JSX.Element }) {
  const id = createUniqueId();
  const describedBy = () => [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field" classList={{ invalid: !!props.error }}>
      <label for={id}>{props.label}</label>
      {props.children({
        id,
        get 'aria-invalid'() {
          return !!props.error;
        },
        get 'aria-describedby'() {
          return describedBy();
        },
      })}
      <Show when={props.hint}>
        <small id={`${id}-hint`}>{props.hint}</small>
      </Show>
      <Show when={props.error}>
        <small id={`${id}-error`} class="field-error">
          {props.error}
        </small>
      </Show>
    </div>
  );
}
