import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import { translateDbError } from './pg-errors.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

const codeFor = async (sqlText: string, params: unknown[]) => {
  const err = await t.database.query(sqlText, params).then(
    () => null,
    (e: unknown) => e,
  );
  try {
    translateDbError(err);
  } catch (mapped) {
    return mapped instanceof AppError ? mapped.code : 'UNMAPPED';
  }
  return 'NO_ERROR';
};

describe('database errors caused by a malformed value', () => {
  it.each([
    ['a uuid', 'select $1::uuid', ['not-a-uuid']],
    ['a timestamp', 'select $1::timestamptz', ['yesterday-ish']],
    ['a bigint out of range', 'select $1::bigint', ['9999999999999999999']],
  ])('%s becomes BAD_USER_INPUT, not an internal error', async (_what, sqlText, params) => {
    expect(await codeFor(sqlText, params)).toBe('BAD_USER_INPUT');
  });

  it('a real fault stays unmapped', async () => {
    expect(await codeFor('select * from public.no_such_table', [])).toBe('UNMAPPED');
  });
});
