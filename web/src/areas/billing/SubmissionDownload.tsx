import { useClient } from '@urql/solid';
import { createSignal } from 'solid-js';
import { downloadText } from '../../lib/download.ts';
import { graphql } from '../../lib/graphql.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';

export const CLAIM_SUBMISSION = graphql(`
  query ClaimSubmission($id: ID!) {
    claimSubmission(id: $id) { id number fileName csv claimCount }
  }
`);

/** Downloads a submission's file again (a lost download, a payer asking for a resend), as recorded. */
export function SubmissionDownload(props: { submissionId: string; number: string }) {
  const client = useClient();
  const [error, setError] = createSignal<Parameters<typeof ErrorNotice>[0]['error']>(null);
  const [busy, setBusy] = createSignal(false);
  const download = async () => {
    setBusy(true);
    const r = await client.query(CLAIM_SUBMISSION, { id: props.submissionId }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    setError(r.error ?? null);
    const submission = r.data?.claimSubmission;
    if (submission) downloadText(submission.fileName, submission.csv);
  };
  return (
    <>
      <button type="button" class="secondary" onClick={download} disabled={busy()}>
        Download submission {props.number} again
      </button>
      <ErrorNotice error={error()} />
    </>
  );
}
