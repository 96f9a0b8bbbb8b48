import { createMutation } from '@urql/solid';
import { createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { check, collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Status } from '../../ui/Status.tsx';
import { CREATE_SUPPLIER } from './catalogue-queries.ts';
import { fieldErrors, orNull } from './field-errors.ts';
import { TextInput } from './TextInput.tsx';

const blank = { code: '', name: '', email: '', phone: '', leadTimeDays: '7' };

/** Adds a supplier purchase orders can go to. */
export function SupplierForm() {
  const [form, setForm] = createStore({ ...blank });
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, create] = createMutation(CREATE_SUPPLIER);
  const fieldError = fieldErrors(errors, state);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found = collect({
      code: /^[A-Za-z0-9._-]{1,40}$/.test(form.code.trim()) ? null : 'Use letters, digits, dot, dash or underscore.',
      name: check.required(form.name, 'Enter the supplier’s name.'),
      email: form.email.trim() ? check.email(form.email) : null,
      phone: check.phone(form.phone),
      leadTimeDays: /^\d+$/.test(form.leadTimeDays.trim()) && Number(form.leadTimeDays) <= 365 ? null : 'Enter whole days from 0 to 365.',
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await create({
      input: {
        code: form.code.trim(),
        name: form.name.trim(),
        email: orNull(form.email),
        phone: orNull(form.phone),
        leadTimeDays: Number(form.leadTimeDays),
      },
    });
    if (!result.data) return;
    setForm({ ...blank });
  };
  const text = (key: keyof typeof blank, label: string, type?: 'email' | 'tel', hint?: string) => (
    <TextInput label={label} type={type} hint={hint} value={form[key]} onInput={(v) => setForm(key, v)} error={fieldError(key)} />
  );
  return (
    <form onSubmit={submit} aria-label="New supplier" class="card" novalidate>
      <h2>New supplier</h2>
      <div class="row">
        {text('code', 'Code')}
        {text('name', 'Name')}
        {text('email', 'E-mail', 'email')}
        {text('phone', 'Phone', 'tel')}
        {text('leadTimeDays', 'Lead time (days)', undefined, 'How long an order takes to arrive.')}
      </div>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Add supplier
      </button>
      <Status when={state.data}>Supplier added.</Status>
    </form>
  );
}
