import { runSubgraphProcess } from '@clinigraph/kit';
import { scheduling } from './index.ts';

// Its jobs (reminders, waitlist expiry) start with it, from the SubgraphModule; CLINIGRAPH_JOBS=off turns their timers off.
await runSubgraphProcess(scheduling);
