import { createMutation } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { graphql, type ResultOf } from '../../lib/graphql.ts';
import { check, collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';

export const ADD_CONTACT = graphql(`
  mutation AddEmergencyContact($patientId: ID!, $input: EmergencyContactInput!) {
    addEmergencyContact(patientId: $patientId, input: $input) { id emergencyContacts { id name relationship phone } }
  }
`);

export const REMOVE_CONTACT = graphql(`
  mutation RemoveEmergencyContact($id: ID!) {
    removeEmergencyContact(id: $id) { id emergencyContacts { id name relationship phone } }
  }
`);

type Contact = ResultOf<typeof ADD_CONTACT>['addEmergencyContact']['emergencyContacts'][number];

/** Who to call in an emergency: list, add, remove. */
export function EmergencyContacts(props: { patientId: string; contacts: readonly Contact[] }) {
  const [name, setName] = createSignal('');
  const [relationship, setRelationship] = createSignal('');
  const [phone, setPhone] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [added, add] = createMutation(ADD_CONTACT);
  const [removed, remove] = createMutation(REMOVE_CONTACT);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found = collect({
      name: check.required(name(), 'Enter their name.'),
      relationship: check.required(relationship(), 'Say how they are related to you.'),
      phone: check.required(phone(), 'Enter their phone number.') ?? check.phone(phone()),
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const r = await add({ patientId: props.patientId, input: { name: name().trim(), relationship: relationship().trim(), phone: phone().trim() } });
    if (!r.data) return;
    setName('');
    setRelationship('');
    setPhone('');
  };
  return (
    <section aria-label="Emergency contacts" class="card">
      <h2>Emergency contacts</h2>
      <ul>
        <For each={props.contacts} fallback={<li class="empty">None yet.</li>}>
          {(c) => (
            <li>
              {c.name} ({c.relationship}) · {c.phone}{' '}
              <button type="button" class="link" onClick={() => remove({ id: c.id })} disabled={removed.fetching}>
                Remove {c.name}
              </button>
            </li>
          )}
        </For>
      </ul>
      <form onSubmit={submit} aria-label="Add an emergency contact" class="row" novalidate>
        <Field label="Name" error={errors().name}>
          {(c) => <input {...c} value={name()} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <Field label="Relationship" error={errors().relationship}>
          {(c) => <input {...c} value={relationship()} onInput={(e) => setRelationship(e.currentTarget.value)} />}
        </Field>
        <Field label="Phone" error={errors().phone}>
          {(c) => <input {...c} type="tel" value={phone()} onInput={(e) => setPhone(e.currentTarget.value)} />}
        </Field>
        <button type="submit" disabled={added.fetching}>
          Add contact
        </button>
      </form>
      <ErrorNotice error={added.error ?? removed.error} />
    </section>
  );
}
