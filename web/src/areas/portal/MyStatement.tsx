import { StatementView } from '../../features/statements/StatementView.tsx';

/** The patient's own statement of account, with the PDF to keep or hand to an insurer. */
export function MyStatement() {
  return (
    <section class="page" aria-labelledby="my-statement-title">
      <h1 id="my-statement-title">My statement</h1>
      <StatementView />
    </section>
  );
}
