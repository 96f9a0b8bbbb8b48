import { graphql, type ResultOf } from '../../lib/graphql.ts';
import type { Present } from '../../lib/unavailable.ts';

export const SCHEDULES = graphql(`
  query Schedules {
    schedules(includeInactive: true) {
      id label specialty timezone effectiveFrom effectiveTo active
      provider { id displayName }
      facility { id }
      rules { weekday startTime endTime slotMinutes breaks { start end } effectiveFrom effectiveTo }
    }
  }
`);

export type ScheduleInfo = Present<ResultOf<typeof SCHEDULES>>['schedules'][number];

export const UPDATE_SCHEDULE = graphql(`
  mutation UpdateSchedule($id: ID!, $input: UpdateScheduleInput!) {
    updateSchedule(id: $id, input: $input) {
      id label specialty effectiveFrom effectiveTo active
      rules { weekday startTime endTime slotMinutes breaks { start end } effectiveFrom effectiveTo }
    }
  }
`);

export const SCHEDULE_EXCEPTIONS = graphql(`
  query ScheduleExceptions($facilityId: ID!, $from: Date!, $to: Date!) {
    scheduleExceptions(facilityId: $facilityId, from: $from, to: $to) {
      id kind scheduleId startsAt endsAt slotMinutes reason
      provider { id displayName }
    }
  }
`);

export type ExceptionInfo = Present<ResultOf<typeof SCHEDULE_EXCEPTIONS>>['scheduleExceptions'][number];

export const ADD_EXCEPTION = graphql(`
  mutation AddScheduleException($input: ScheduleExceptionInput!) {
    addScheduleException(input: $input) { id kind startsAt endsAt }
  }
`);

export const REMOVE_EXCEPTION = graphql(`
  mutation RemoveScheduleException($id: ID!) {
    removeScheduleException(id: $id)
  }
`);

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
export const WALL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
