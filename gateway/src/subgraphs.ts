import { care } from '@clinigraph/care';
import { finance } from '@clinigraph/finance';
import type { SubgraphModule } from '@clinigraph/kit';
import { people } from '@clinigraph/people';
import { scheduling } from '@clinigraph/scheduling';
import { supply } from '@clinigraph/supply';

/** The five subgraphs, in migration order. */
export const subgraphModules: SubgraphModule[] = [people, care, scheduling, supply, finance];
