import { useClient } from '@urql/solid';
import { FileButton } from '../../features/downloads/FileButton.tsx';
import { REFERRAL_LETTER } from './referral-queries.ts';

/** Downloads the printable referral letter, rendered by the API only when asked for. */
export function ReferralLetterButton(props: { id: string }) {
  const client = useClient();
  const fetch = async () => {
    const result = await client.query(REFERRAL_LETTER, { id: props.id }, { requestPolicy: 'network-only' }).toPromise();
    return { error: result.error, file: result.data?.referral?.letter };
  };
  return <FileButton label="Letter (PDF)" fetch={fetch} />;
}
