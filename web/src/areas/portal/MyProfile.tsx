import { createMutation, createQuery } from '@urql/solid';
import { createSignal } from 'solid-js';
import { useApp } from '../../lib/app-context.ts';
import { describeError } from '../../lib/errors.ts';
import { formatDate } from '../../lib/format.ts';
import { type FragmentOf, graphql, readFragment } from '../../lib/graphql.ts';
import { check, collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { Status } from '../../ui/Status.tsx';
import { EmergencyContacts } from './EmergencyContacts.tsx';

/** The patient's own details, as the profile page shows and edits them. */
const PROFILE_FIELDS = graphql(`
  fragment ProfileFields on Patient {
    id mrn displayName dateOfBirth phone email address emergencyContacts { id name relationship phone }
  }
`);

export const MY_PROFILE = graphql(
  `
  query MyProfile($id: ID!) {
    patient(id: $id) { ...ProfileFields }
  }
`,
  [PROFILE_FIELDS],
);

export const UPDATE_CONTACT_DETAILS = graphql(
  `
  mutation UpdateContactDetails($id: ID!, $input: UpdatePatientInput!) {
    updatePatient(id: $id, input: $input) { ...ProfileFields }
  }
`,
  [PROFILE_FIELDS],
);

/** The patient's contact details and emergency contacts. */
export function MyProfile() {
  const { session } = useApp();
  const [result] = createQuery({ query: MY_PROFILE, variables: () => ({ id: session.account()?.patientId ?? '' }) });
  return (
    <section class="page" aria-labelledby="profile-title">
      <h1 id="profile-title">My profile</h1>
      <Loaded result={result}>
        {(data) => {
          const profile = () => readFragment(PROFILE_FIELDS, data().patient);
          return (
            <>
              <p>
                {profile().displayName} · MRN {profile().mrn} · born {formatDate(profile().dateOfBirth)}
              </p>
              <ContactForm profile={data().patient} />
              <EmergencyContacts patientId={profile().id} contacts={profile().emergencyContacts} />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

function ContactForm(props: { profile: FragmentOf<typeof PROFILE_FIELDS> }) {
  const profile = readFragment(PROFILE_FIELDS, props.profile);
  const [phone, setPhone] = createSignal(profile.phone ?? '');
  const [email, setEmail] = createSignal(profile.email ?? '');
  const [address, setAddress] = createSignal(profile.address ?? '');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, update] = createMutation(UPDATE_CONTACT_DETAILS);
  const fieldError = (name: string) => errors()[name] ?? describeError(state.error)?.fields[name];
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found = collect({ phone: check.phone(phone()), email: email().trim() ? check.email(email()) : null });
    setErrors(found);
    if (Object.keys(found).length) return;
    await update({ id: profile.id, input: { phone: phone().trim() || null, email: email().trim() || null, address: address().trim() || null } });
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
