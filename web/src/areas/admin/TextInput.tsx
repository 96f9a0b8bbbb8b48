import { Field } from '../../ui/Field.tsx';

/** A labelled text input bound to one value, with its error beside it. */
export function TextInput(props: {
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | null;
  hint?: string;
  type?: 'text' | 'email' | 'tel' | 'date' | 'time';
  inputmode?: 'numeric' | 'decimal';
  list?: string;
}) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint}>
      {(c) => (
        <input
          {...c}
          type={props.type ?? 'text'}
          inputmode={props.inputmode}
          list={props.list}
          value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}
