import { runSubgraphProcess } from '@clinigraph/kit';
import { supply } from './index.ts';

await runSubgraphProcess(supply);
