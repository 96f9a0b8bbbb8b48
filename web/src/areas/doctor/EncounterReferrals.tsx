import { createMutation, createQuery } from '@urql/solid';
import { For, Show } from 'solid-js';
import { formatZonedDateTime } from '../../lib/format.ts';
import type { VariablesOf } from '../../lib/graphql.ts';
import { REFERRAL_STATUS, REFERRAL_URGENCY } from '../../lib/labels/clinical.ts';
import type { EnumOf } from '../../lib/labels/enum.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { ReferralForm } from './ReferralForm.tsx';
import { ReferralLetterButton } from './ReferralLetterButton.tsx';
import { ENCOUNTER_REFERRALS, type ReferralInfo, SET_REFERRAL_STATUS } from './referral-queries.ts';

type Change = VariablesOf<typeof SET_REFERRAL_STATUS>['status'];

/** What a referral may become next: sent → accepted → completed, or cancelled before it completes. */
const NEXT: Record<ReferralInfo['status'], { status: Change; label: string }[]> = {
  SENT: [
    { status: 'ACCEPTED', label: 'Mark accepted' },
    { status: 'CANCELLED', label: 'Cancel referral' },
  ],
  ACCEPTED: [
    { status: 'COMPLETED', label: 'Mark completed' },
    { status: 'CANCELLED', label: 'Cancel referral' },
  ],
  COMPLETED: [],
  CANCELLED: [],
};

/** The encounter's referrals with their status changes, and (while the encounter is open) a new referral. */
export function EncounterReferrals(props: { encounterId: string; editable: boolean; timeZone?: string }) {
  const [result, refetch] = createQuery({ query: ENCOUNTER_REFERRALS, variables: () => ({ id: props.encounterId }) });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [changing, change] = createMutation(SET_REFERRAL_STATUS);
  const move = async (id: string, status: Change) => {
    const r = await change({ id, status });
    if (r.data) reload();
  };
  return (
    <section class="card" aria-labelledby="referrals-title">
      <h2 id="referrals-title">Referrals</h2>
      <Loaded result={result} isEmpty={(d) => !d.encounter.referrals.length} empty="No referrals from this visit.">
        {(data) => (
          <ul>
            <For each={data().encounter.referrals}>
              {(r) => (
                <li>
                  <strong>{r.toProvider ? `${r.toProvider.displayName} (${r.toProvider.specialty})` : r.toSpecialty}</strong> ·{' '}
                  {REFERRAL_URGENCY[r.urgency.toUpperCase() as EnumOf<'ReferralUrgency'>] ?? r.urgency} · {REFERRAL_STATUS[r.status]} · {r.reason}
                  <small class="muted"> · sent {formatZonedDateTime(r.createdAt, props.timeZone)}</small> <ReferralLetterButton id={r.id} />
                  <For each={NEXT[r.status]}>
                    {(next) => (
                      <button type="button" class="secondary" disabled={changing.fetching} onClick={() => move(r.id, next.status)}>
                        {next.label}
                      </button>
                    )}
                  </For>
                </li>
              )}
            </For>
          </ul>
        )}
      </Loaded>
      <ErrorNotice error={changing.error} />
      <Show when={props.editable}>
        <ReferralForm encounterId={props.encounterId} onCreated={reload} />
      </Show>
    </section>
  );
}
