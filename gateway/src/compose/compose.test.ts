import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { subgraphModules } from '../subgraphs.ts';
import { apiSdl, committedApiSchema, committedSupergraph, composeSupergraph, schemaDir, subgraphSdl } from './compose.ts';

const stale = (file: string) => `${file} is out of date with the code: run \`npm run compose\` and commit the result`;

describe('SDL snapshots', () => {
  it.each(subgraphModules.map((m) => [m.name, m] as const))('schema/%s.graphql is the subgraph’s printed SDL', (name, m) => {
    const committed = readFileSync(`${schemaDir}${name}.graphql`, 'utf8');
    expect(`${subgraphSdl(m)}\n`, stale(`schema/${name}.graphql`)).toBe(committed);
  });
});

describe('supergraph drift check', () => {
  it('schema/supergraph.graphql is what the five subgraphs compose to', () => {
    expect(composeSupergraph(), stale('schema/supergraph.graphql')).toBe(committedSupergraph());
  });

  it('notices a change in any one subgraph', () => {
    const finance = subgraphModules.find((m) => m.name === 'finance')!;
    const changed = subgraphSdl(finance).replace(/type Query\s*{/, 'type Query {\n  driftProbe: Int');
    const drifted = subgraphModules.map((m) => (m === finance ? { ...m, schema: buildSubgraphSchema(parse(changed)) } : m));
    const supergraph = composeSupergraph(drifted);
    expect(supergraph).toContain('driftProbe: Int');
    expect(supergraph).not.toBe(committedSupergraph());
  });

  it('schema/api.graphql is the API schema of the supergraph, which the web app types its documents from', () => {
    expect(apiSdl(committedSupergraph()), stale('schema/api.graphql')).toBe(committedApiSchema());
  });

  it('the API schema is what clients see: no federation machinery', () => {
    expect(committedApiSchema()).not.toMatch(/join__|link__|@link/);
    expect(committedApiSchema()).toMatch(/type Query {/);
  });

  it('composes all five subgraphs', () => {
    const graphs = [...committedSupergraph().matchAll(/@join__graph\(name: "(\w+)"/g)].map((m) => m[1]);
    expect(graphs.sort()).toEqual(['care', 'finance', 'people', 'scheduling', 'supply']);
  });
});
