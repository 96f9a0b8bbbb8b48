import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type GqlClient, gqlClient } from '@clinigraph/kit/testing';
import type { TestStack } from '../../src/testing/stack.ts';

export const SUBGRAPHS = ['people', 'care', 'scheduling', 'supply', 'finance'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

let unreachable: Promise<string> | undefined;

/** A port that was just free: nothing listens there, so every request to it is refused. */
function unreachableUrl(): Promise<string> {
  unreachable ??= (async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    return `http://127.0.0.1:${port}/graphql`;
  })();
  return unreachable;
}

/** `who`, through another gateway of the stack that finds `down` unreachable (closed by `stack.stop()`). */
export async function clientWithout(stack: TestStack, down: SubgraphName, who: GqlClient): Promise<GqlClient> {
  const gateway = await stack.extraGateway({ serviceUrls: { [down]: await unreachableUrl() } });
  return gqlClient(`${gateway.url}/graphql`, who.token);
}

/** The services the errors of an answer name, each once. */
export const servicesNamed = (errors: { extensions?: Record<string, unknown> }[]) => [...new Set(errors.map((e) => e.extensions?.serviceName))];
