import { runSubgraphProcess } from '@clinigraph/kit';
import { finance } from './index.ts';

await runSubgraphProcess(finance);
