import { writeFileSync } from 'node:fs';
import { subgraphModules } from '../subgraphs.ts';
import { composeSupergraph, schemaDir, subgraphSdl, supergraphPath } from './compose.ts';

for (const m of subgraphModules) writeFileSync(`${schemaDir}${m.name}.graphql`, `${subgraphSdl(m)}\n`);
writeFileSync(supergraphPath, composeSupergraph());
console.log(`wrote ${supergraphPath} and ${subgraphModules.length} subgraph SDL files`);
