import { writeFileSync } from 'node:fs';
import { subgraphModules } from '../subgraphs.ts';
import { apiSchemaPath, apiSdl, composeSupergraph, schemaDir, subgraphSdl, supergraphPath } from './compose.ts';

for (const m of subgraphModules) writeFileSync(`${schemaDir}${m.name}.graphql`, `${subgraphSdl(m)}\n`);
const supergraph = composeSupergraph();
writeFileSync(supergraphPath, supergraph);
writeFileSync(apiSchemaPath, apiSdl(supergraph));
console.log(`wrote ${supergraphPath}, ${apiSchemaPath} and ${subgraphModules.length} subgraph SDL files`);
