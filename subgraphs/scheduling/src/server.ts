import { runSubgraphProcess } from '@clinigraph/kit';
import { scheduling } from './index.ts';

await runSubgraphProcess(scheduling);
