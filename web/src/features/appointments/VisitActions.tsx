import { createMutation } from '@urql/solid';
import { createSignal, onCleanup, Show } from 'solid-js';
import { useApp } from '../../lib/app-context.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { COMPLETE_VISIT, MARK_NO_SHOW, START_VISIT, UNDO_NO_SHOW } from './mutations.ts';
import { type MovableAppointment, type VisitMove, visitMoves } from './visit-moves.ts';

/** How often the screen rechecks whether an appointment's start has passed (for “Mark no-show”). */
const CLOCK_MS = 30_000;

/**
 * Start visit, Complete and Mark no-show, each shown only when the state machine allows it for this
 * appointment and the signed-in person's roles. A refusal (someone else moved it first) is shown in
 * the API's plain words.
 */
export function VisitActions(props: { appointment: MovableAppointment & { id: string } }) {
  const { session } = useApp();
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), CLOCK_MS);
  onCleanup(() => clearInterval(timer));
  const moves = () => visitMoves(props.appointment, session.account()?.roles ?? [], now());
  const can = (move: VisitMove) => moves().includes(move);

  const [start, runStart] = createMutation(START_VISIT);
  const [complete, runComplete] = createMutation(COMPLETE_VISIT);
  const [noShow, runNoShow] = createMutation(MARK_NO_SHOW);
  const [undo, runUndo] = createMutation(UNDO_NO_SHOW);
  const [last, setLast] = createSignal<VisitMove | null>(null);
  const [confirmingNoShow, setConfirmingNoShow] = createSignal(false);
  const run = (move: VisitMove) => {
    setLast(move);
    const id = props.appointment.id;
    if (move === 'start') return runStart({ id });
    if (move === 'complete') return runComplete({ id });
    if (move === 'undo_no_show') return runUndo({ id });
    setConfirmingNoShow(false);
    return runNoShow({ id });
  };
  const error = () => ({ start: start.error, complete: complete.error, no_show: noShow.error, undo_no_show: undo.error })[last() ?? 'start'] ?? null;
  const busy = () => start.fetching || complete.fetching || noShow.fetching || undo.fetching;

  return (
    <Show when={moves().length || error()}>
      <div class="actions">
        <Show when={can('start')}>
          <button type="button" onClick={() => run('start')} disabled={busy()}>
            Start visit
          </button>
        </Show>
        <Show when={can('complete')}>
          <button type="button" onClick={() => run('complete')} disabled={busy()}>
            Complete
          </button>
        </Show>
        <Show when={can('no_show')}>
          <Show
            when={confirmingNoShow()}
            fallback={
              <button type="button" class="secondary" onClick={() => setConfirmingNoShow(true)}>
                Mark no-show
              </button>
            }
          >
            <button type="button" class="danger" onClick={() => run('no_show')} disabled={busy()}>
              Confirm no-show
            </button>
            <button type="button" class="secondary" onClick={() => setConfirmingNoShow(false)}>
              Keep it
            </button>
          </Show>
        </Show>
        <Show when={can('undo_no_show')}>
          <button type="button" class="secondary" onClick={() => run('undo_no_show')} disabled={busy()}>
            Undo no-show (patient arrived)
          </button>
        </Show>
        <ErrorNotice error={error()} />
      </div>
    </Show>
  );
}
