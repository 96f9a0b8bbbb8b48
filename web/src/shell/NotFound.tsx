import { A } from '@solidjs/router';

export function NotFound() {
  return (
    <section class="page narrow" aria-labelledby="not-found">
      <h1 id="not-found">Page not found</h1>
      <p>
        <A href="/">Go to your start page</A>
      </p>
    </section>
  );
}
