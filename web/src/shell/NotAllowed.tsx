import { A } from '@solidjs/router';

/** Shown instead of a page the signed-in person's role may not use. */
export function NotAllowed() {
  return (
    <section class="page narrow" aria-labelledby="not-allowed">
      <h1 id="not-allowed">This page is not available to you</h1>
      <p>Your account cannot open this part of Clinigraph. If you think it should, ask the clinic’s administrator.</p>
      <p>
        <A href="/">Go to your start page</A>
      </p>
    </section>
  );
}
