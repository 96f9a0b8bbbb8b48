import { createRequire } from 'node:module';

/**
 * graphql-js as @apollo/gateway and graphql-ws load it (CommonJS). Under a bundler-style resolver (the
 * test runner) an ESM import can load graphql's second build, whose classes fail the other's instanceof
 * checks ("Cannot use GraphQLSchema from another module or realm"); requiring it keeps one realm.
 */
export const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');
