import type { ReadinessCheck } from '@clinigraph/kit';

const SUBGRAPH_READY_TIMEOUT_MS = 1_500;

/** A subgraph's /ready beside its /graphql. */
const readyUrl = (graphqlUrl: string) => new URL('ready', new URL('./', graphqlUrl)).toString();

/** One readiness check per subgraph the gateway routes to, named after it: its /ready answers 200 in time. */
export function subgraphChecks(urls: ReadonlyMap<string, string>): ReadinessCheck[] {
  return [...urls].map(([name, url]) => ({
    name,
    check: async () => {
      try {
        const res = await fetch(readyUrl(url), { signal: AbortSignal.timeout(SUBGRAPH_READY_TIMEOUT_MS) });
        return res.ok ? null : `not ready (${res.status} from ${name}/ready)`;
      } catch {
        return 'unreachable';
      }
    },
  }));
}
