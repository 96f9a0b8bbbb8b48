import { graphql, type ResultOf } from '../../lib/graphql.ts';
import type { Present } from '../../lib/unavailable.ts';

export const FOLLOW_UPS = graphql(`
  query FollowUpRecommendations($from: Date!, $to: Date!) {
    followUpRecommendations(from: $from, to: $to) {
      id closedAt
      patient { id displayName mrn phone }
      facility { id }
      followUp { recommendedOn reason provider { id displayName } }
    }
  }
`);

export type FollowUpInfo = Present<ResultOf<typeof FOLLOW_UPS>>['followUpRecommendations'][number];

/** The longest range the list asks for at once. */
export const MAX_RANGE_DAYS = 92;
