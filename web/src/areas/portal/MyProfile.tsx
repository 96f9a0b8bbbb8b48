import { createMutation, createQuery, gql } from '@urql/solid';
import { createSignal } from 'solid-js';
import { useApp } from '../../lib/app-context.ts';
import { describeError } from '../../lib/errors.ts';
import { formatDate } from '../../lib/format.ts';
import { check, collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { Status } from '../../ui/Status.tsx';
import { EmergencyContacts } from './EmergencyContacts.tsx';

const FIELDS = 'id mrn displayName dateOfBirth phone email address emergencyContacts { id name relationship phone }';

export const MY_PROFILE = gql`
  query MyProfile($id: ID!) {
    patient(id: $id) { ${FIELDS} }
  }
`;

export const UPDATE_CONTACT_DETAILS = gql`
  mutation UpdateContactDetails($id: ID!, $input: UpdatePatientInput!) {
    updatePatient(id: $id, input: $input) { ${FIELDS} }
  }
`;

interface Profile {
  id: string;
  mrn: string;
  displayName: string;
  dateOfBirth: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  emergencyContacts: { id: string; name: string; relationship: string; phone: string }[];
}

/** The patient's contact details and emergency contacts. */
export function MyProfile() {
  const { session } = useApp();
  const [result] = createQuery<{ patient: Profile }>({ query: MY_PROFILE, variables: () => ({ id: session.account()?.patientId ?? '' }) });
  return (
    <section class="page" aria-labelledby="profile-title">
      <h1 id="profile-title">My profile</h1>
      <Loaded result={result}>
        {(data) => (
          <>
            <p>
              {data().patient.displayName} · MRN {data().patient.mrn} · born {formatDate(data().patient.dateOfBirth)}
            </p>
            <ContactForm profile={data().patient} />
            <EmergencyContacts patientId={data().patient.id} contacts={data().patient.emergencyContacts} />
          </>
        )}
      </Loaded>
    </section>
  );
}

function ContactForm(props: { profile: Profile }) {
  const [phone, setPhone] = createSignal(props.profile.phone ?? '');
  const [email, setEmail] = createSignal(props.profile.email ?? '');
  const [address, setAddress] = createSignal(props.profile.address ?? '');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, update] = createMutation(UPDATE_CONTACT_DETAILS);
  const fieldError = (name: string) => errors()[name] ?? describeError(state.error)?.fields[name];
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found = collect({ phone: check.phone(phone()), email: email().trim() ? check.email(email()) : null });
    setErrors(found);
    if (Object.keys(found).length) return;
    await update({ id: props.profile.id, input: { phone: phone().trim() || null, email: email().trim() || null, address: address().trim() || null } });
  };
  return (
    <form onSubmit={submit} aria-label="Contact details" class="card" novalidate>
      <h2>Contact details</h2>
      <Field label="Phone" error={fieldError('phone')}>
        {(c) => <input {...c} type="tel" autocomplete="tel" value={phone()} onInput={(e) => setPhone(e.currentTarget.value)} />}
      </Field>
      <Field label="E-mail" error={fieldError('email')}>
        {(c) => <input {...c} type="email" autocomplete="email" value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />}
      </Field>
      <Field label="Address">
        {(c) => <textarea {...c} rows="2" autocomplete="street-address" value={address()} onInput={(e) => setAddress(e.currentTarget.value)} />}
      </Field>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Save
      </button>
      <Status when={state.data}>Saved.</Status>
    </form>
  );
}
