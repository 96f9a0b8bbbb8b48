import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';

/** Query shape limits (OWASP GraphQL cheat sheet), enforced before any subgraph is called. */
export const queryLimits = {
  maxDepth: 12,
  maxAliases: 15,
  maxTokens: 2000,
  maxCost: 5000,
  maxDirectives: 20,
} as const;

/**
 * A request naming an operation the document lacks. Apollo Server leaves this to the executor, and
 * @apollo/gateway's executor throws, which would be a 500; it is the client's mistake, so a 400.
 */
const operationResolution: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request }) {
        if (operation) return;
        const message = request.operationName
          ? `Unknown operation named "${request.operationName}".`
          : 'Must provide operation name if query contains multiple operations.';
        throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
      },
    };
  },
};

/**
 * Subscriptions are served over graphql-ws only (see live/); @apollo/gateway cannot execute one and
 * would answer a POSTed subscription with a 500. It is the client's mistake, so a 400 that says where to go.
 */
const subscriptionsOverWebSocketOnly: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== 'subscription') return;
        throw new GraphQLError('Subscriptions are served over the websocket (graphql-ws) at this same URL, not over HTTP.', {
          extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
        });
      },
    };
  },
};

/**
 * Apollo Server settings for the limits: graphql-armor's depth, alias, cost and directive rules, and
 * field suggestions blocked in production. The token limit is graphql-js's own parse option, so an
 * oversized document is a plain parse error (400); graphql-armor's token plugin turns every parse
 * error, oversized or not, into a 500 under Apollo Server 5.
 */
export function limitSettings(production: boolean) {
  const armor = new ApolloArmor({
    maxDepth: { n: queryLimits.maxDepth },
    maxAliases: { n: queryLimits.maxAliases },
    maxTokens: { enabled: false },
    // A fragment spread costs what its fields cost inline: the web app shares selections as fragments.
    costLimit: { maxCost: queryLimits.maxCost, flattenFragments: true },
    maxDirectives: { n: queryLimits.maxDirectives },
    blockFieldSuggestion: { enabled: production },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    plugins: [...plugins, operationResolution, subscriptionsOverWebSocketOnly] as ApolloServerPlugin<any>[],
    validationRules,
    parseOptions: { maxTokens: queryLimits.maxTokens },
  };
}
