import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from './context.ts';

/** Adds one subgraph response's `extensions.sqlCount` to the request's total (absent in production). */
export function tallySqlCount(context: GatewayContext, extensions: Record<string, unknown> | undefined): void {
  const count = extensions?.sqlCount;
  if (typeof count === 'number' && Number.isFinite(count)) context.sqlCount += count;
}

/**
 * Outside production: reports in the gateway's response `extensions.sqlCount`, the SQL statements every
 * subgraph ran for this request, so a client (and a test) sees the whole request's cost.
 */
export const sqlCountPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (response.body.kind !== 'single') return;
        response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sqlCount: contextValue.sqlCount };
      },
    };
  },
};
