import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { printSchema as printFederationSchema, Supergraph } from '@apollo/federation-internals';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { SubgraphModule } from '@clinigraph/kit';
import { buildSchema, parse, printSchema } from 'graphql';
import { subgraphModules } from '../subgraphs.ts';

export const schemaDir = fileURLToPath(new URL('../../../schema/', import.meta.url));
export const supergraphPath = `${schemaDir}supergraph.graphql`;
/** The API schema clients see (no federation join directives); the web app types its documents from it. */
export const apiSchemaPath = `${schemaDir}api.graphql`;

/** The URL each subgraph has in distributed mode; the committed supergraph records these. */
export const defaultUrl = (m: SubgraphModule) => `http://localhost:${m.defaultPort}/graphql`;

export const subgraphSdl = (m: SubgraphModule) => printSubgraphSchema(m.schema);

/** Composes the supergraph from the subgraphs' own schemas, as @apollo/composition does for rover. */
export function composeSupergraph(modules: SubgraphModule[] = subgraphModules): string {
  const result = composeServices(modules.map((m) => ({ name: m.name, url: defaultUrl(m), typeDefs: parse(subgraphSdl(m)) })));
  if (result.errors?.length) throw new Error(`Composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  return `${result.supergraphSdl}\n`;
}

export const committedSupergraph = () => readFileSync(supergraphPath, 'utf8');

/** The schema the gateway serves for a supergraph: what remains once the federation machinery is removed. */
export const apiSdl = (supergraphSdl: string): string => `${printSchema(buildSchema(printFederationSchema(Supergraph.build(supergraphSdl).apiSchema())))}\n`;

export const committedApiSchema = () => readFileSync(apiSchemaPath, 'utf8');
