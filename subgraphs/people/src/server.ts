import { runSubgraphProcess } from '@clinigraph/kit';
import { people } from './index.ts';

await runSubgraphProcess(people);
