import { createMutation } from '@urql/solid';
import { createSignal } from 'solid-js';
import { DOCUMENT_FIELDS } from '../../features/documents/queries.ts';
import { describeError } from '../../lib/errors.ts';
import { graphql, type VariablesOf } from '../../lib/graphql.ts';
import { collect } from '../../lib/validate.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Status } from '../../ui/Status.tsx';

export const UPLOAD_DOCUMENT = graphql(
  `
  mutation UploadDocument($patientId: ID!, $encounterId: ID, $kind: DocumentKind!, $title: String!, $filename: String!, $contentType: String!, $contentBase64: String!) {
    uploadDocument(patientId: $patientId, encounterId: $encounterId, kind: $kind, title: $title, filename: $filename, contentType: $contentType, contentBase64: $contentBase64) {
      ...DocumentFields
    }
  }
`,
  [DOCUMENT_FIELDS],
);

type Kind = VariablesOf<typeof UPLOAD_DOCUMENT>['kind'];

/** The types the API accepts (it checks the content too), by file extension when the browser does not say. */
const ACCEPTED: Record<string, string> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' };
const typeOf = (file: File): string | null =>
  Object.values(ACCEPTED).includes(file.type) ? file.type : (ACCEPTED[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? null);

const readBase64 = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/** Uploads a PDF, PNG or JPEG to the patient's record (doctors and nurses). */
export function UploadDocumentForm(props: { patientId: string; encounterId?: string; onUploaded: () => void }) {
  const [file, setFile] = createSignal<File | null>(null);
  const [title, setTitle] = createSignal('');
  const [kind, setKind] = createSignal<Kind>('REPORT');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [state, upload] = createMutation(UPLOAD_DOCUMENT);
  const api = (name: string) => describeError(state.error)?.fields[name];
  let input: HTMLInputElement | undefined;
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const chosen = file();
    const contentType = chosen ? typeOf(chosen) : null;
    const found = collect({
      file: !chosen ? 'Choose a file.' : !contentType ? 'Only PDF, PNG or JPEG files can be uploaded.' : null,
      title: title().trim() ? null : 'Give the document a title.',
    });
    setErrors(found);
    if (!chosen || !contentType || Object.keys(found).length) return;
    const result = await upload({
      patientId: props.patientId,
      encounterId: props.encounterId ?? null,
      kind: kind(),
      title: title().trim(),
      filename: chosen.name,
      contentType,
      contentBase64: await readBase64(chosen),
    });
    if (result.data) {
      setFile(null);
      setTitle('');
      if (input) input.value = '';
      props.onUploaded();
    }
  };
  return (
    <form onSubmit={submit} aria-label="Upload a document" novalidate>
      <Field label="File (PDF, PNG or JPEG)" error={errors().file ?? api('contentBase64') ?? api('contentType') ?? api('filename')}>
        {(c) => (
          <input
            {...c}
            ref={input}
            type="file"
            accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
        )}
      </Field>
      <Field label="Title" error={errors().title ?? api('title')}>
        {(c) => <input {...c} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />}
      </Field>
      <Field label="Kind" error={api('kind')}>
        {(c) => (
          <select {...c} value={kind()} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
            <option value="REPORT">Report</option>
            <option value="CONSENT">Consent form</option>
            <option value="REFERRAL_LETTER">Referral letter</option>
            <option value="IMAGE">Image</option>
            <option value="OTHER">Other</option>
          </select>
        )}
      </Field>
      <ErrorNotice error={state.error} />
      <button type="submit" disabled={state.fetching}>
        Upload
      </button>
      <Status when={state.data}>Document uploaded.</Status>
    </form>
  );
}
