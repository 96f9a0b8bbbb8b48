import { runSubgraphProcess } from '@clinigraph/kit';
import { care } from './index.ts';

await runSubgraphProcess(care);
