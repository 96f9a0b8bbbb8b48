import { WALL_TIME } from './schedule-queries.ts';

type Range = { start: string; end: string };

/**
 * One weekly session as the schedule editor holds it while a person types: the first break is
 * edited; further breaks and the session's own date range (set through the API) are kept as they are.
 */
export interface SessionRow {
  weekday: number;
  start: string;
  end: string;
  slot: string;
  breakStart: string;
  breakEnd: string;
  otherBreaks: Range[];
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

interface Rule {
  weekday: number;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  breaks: readonly Range[];
  effectiveFrom?: string | null;
  effectiveTo?: string | null;
}

export const rowOf = (r: Rule): SessionRow => ({
  weekday: r.weekday,
  start: r.startTime,
  end: r.endTime,
  slot: String(r.slotMinutes),
  breakStart: r.breaks[0]?.start ?? '',
  breakEnd: r.breaks[0]?.end ?? '',
  otherBreaks: r.breaks.slice(1).map((b) => ({ start: b.start, end: b.end })),
  effectiveFrom: r.effectiveFrom ?? null,
  effectiveTo: r.effectiveTo ?? null,
});

export const ruleOf = (row: SessionRow) => ({
  weekday: row.weekday,
  startTime: row.start,
  endTime: row.end,
  slotMinutes: Number(row.slot),
  breaks: [...(row.breakStart || row.breakEnd ? [{ start: row.breakStart, end: row.breakEnd }] : []), ...row.otherBreaks],
  effectiveFrom: row.effectiveFrom,
  effectiveTo: row.effectiveTo,
});

/** Whether two sessions' own date ranges share a day (open ends meet everything), as the API judges it. */
const rangesMeet = (a: SessionRow, b: SessionRow) =>
  (!a.effectiveTo || !b.effectiveFrom || a.effectiveTo >= b.effectiveFrom) && (!b.effectiveTo || !a.effectiveFrom || b.effectiveTo >= a.effectiveFrom);

/** What is wrong with each session (index → message), as the API would judge it: times, slot length, break, overlap. */
export function checkSessions(rows: SessionRow[]): Record<number, string> {
  const problems: Record<number, string> = {};
  rows.forEach((row, i) => {
    const hasBreak = !!(row.breakStart || row.breakEnd);
    if (!WALL_TIME.test(row.start) || !WALL_TIME.test(row.end) || row.start >= row.end) problems[i] = 'Use HH:MM, the start before the end.';
    else if (!/^\d+$/.test(row.slot) || Number(row.slot) < 5 || Number(row.slot) > 480) problems[i] = 'Slots of 5 to 480 minutes.';
    else if (
      hasBreak &&
      !(
        WALL_TIME.test(row.breakStart) &&
        WALL_TIME.test(row.breakEnd) &&
        row.start <= row.breakStart &&
        row.breakStart < row.breakEnd &&
        row.breakEnd <= row.end
      )
    )
      problems[i] = 'A break must sit inside the session.';
    else if (rows.some((other, j) => j < i && other.weekday === row.weekday && rangesMeet(other, row) && other.start < row.end && row.start < other.end))
      problems[i] = 'Overlaps another session on the same day.';
  });
  return problems;
}
