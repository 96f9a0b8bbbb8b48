import type { DocumentNode, GraphQLSchema, ValidationRule } from 'graphql';
import { queryLimits } from '../limits.ts';
import { graphql } from './graphql-realm.ts';

const { GraphQLError, NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate } = graphql;
type GraphQLError = import('graphql').GraphQLError;

export interface OperationRules {
  /** No introspection and no field suggestions, as over HTTP. */
  production: boolean;
  /** The gateway's HTTP validation rules (graphql-armor's depth, alias, cost and directive limits). */
  validationRules: readonly ValidationRule[];
}

/** graphql-armor's blockFieldSuggestion mask, so the socket hides suggestions exactly as HTTP does. */
const SUGGESTION = /Did you mean ".+"\?/g;
const SUGGESTION_MASK = '[Suggestion hidden]';

/** As Apollo Server types them: every parse error GRAPHQL_PARSE_FAILED, every validation error GRAPHQL_VALIDATION_FAILED. */
const withCode = (error: GraphQLError, code: string, message = error.message) =>
  new GraphQLError(message, { nodes: error.nodes, extensions: { ...error.extensions, code } });

/**
 * Parsing and validation of an operation sent over the socket, with the same token limit, validation
 * rules and production settings as Apollo Server applies over HTTP; each error typed like Apollo's.
 */
export function operationChecks({ production, validationRules }: OperationRules) {
  const rules = [...specifiedRules, ...validationRules, ...(production ? [NoSchemaIntrospectionCustomRule] : [])];
  return {
    parse(query: string): DocumentNode | GraphQLError[] {
      try {
        return parse(query, { maxTokens: queryLimits.maxTokens });
      } catch (err) {
        if (err instanceof GraphQLError) return [withCode(err, 'GRAPHQL_PARSE_FAILED')];
        return [new GraphQLError('Invalid query', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
      }
    },
    validate(schema: GraphQLSchema, document: DocumentNode): GraphQLError[] {
      return validate(schema, document, rules).map((e) =>
        withCode(e, 'GRAPHQL_VALIDATION_FAILED', production ? e.message.replace(SUGGESTION, SUGGESTION_MASK).trim() : e.message),
      );
    },
  };
}
