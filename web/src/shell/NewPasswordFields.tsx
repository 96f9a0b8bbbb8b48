import { check, collect } from '../lib/validate.ts';
import { Field } from '../ui/Field.tsx';

export interface NewPassword {
  password: string;
  confirm: string;
}

/** The checks the API makes of a new password, plus that both entries agree: field → message. */
export const newPasswordIssues = (value: NewPassword): Record<string, string> =>
  collect({
    newPassword: check.newPassword(value.password),
    confirmPassword: value.confirm ? check.sameAs(value.confirm, value.password, 'The two passwords are not the same.') : 'Enter the new password again.',
  });

/** A new password and its confirmation, for the reset and change-password forms. */
export function NewPasswordFields(props: { value: NewPassword; errors: Record<string, string | undefined>; onInput: (value: NewPassword) => void }) {
  return (
    <>
      <Field label="New password" hint="At least 10 characters." error={props.errors.newPassword}>
        {(c) => (
          <input
            {...c}
            type="password"
            name="new-password"
            autocomplete="new-password"
            value={props.value.password}
            onInput={(e) => props.onInput({ ...props.value, password: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field label="New password again" error={props.errors.confirmPassword}>
        {(c) => (
          <input
            {...c}
            type="password"
            name="confirm-password"
            autocomplete="new-password"
            value={props.value.confirm}
            onInput={(e) => props.onInput({ ...props.value, confirm: e.currentTarget.value })}
          />
        )}
      </Field>
    </>
  );
}
