import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './errors.ts';
import { parseInput } from './validation.ts';

/** What parseInput refuses `value` with: the error's sentence and its field issues. */
function refusal(schema: z.ZodType, value: unknown) {
  try {
    parseInput(schema, value);
  } catch (error) {
    if (error instanceof AppError) return { message: error.message, issues: error.extensions.issues };
    throw error;
  }
  throw new Error('expected a refusal');
}

const order = z.object({
  lines: z.array(z.object({ quantity: z.int().min(1).max(10_000) })).min(1),
  reason: z.string().trim().min(3).max(500),
  note: z.string().min(1).optional(),
  kind: z.enum(['routine', 'urgent']),
  email: z.email().optional(),
});

describe('validation messages', () => {
  it('names each field with a plain phrase instead of the validator’s wording', () => {
    const refused = refusal(order, { lines: [], reason: 'x'.repeat(501), note: '', kind: 'stat', email: 'nope' });
    expect(refused.issues).toEqual([
      { path: 'lines', message: 'needs at least one entry' },
      { path: 'reason', message: 'must be at most 500 characters' },
      { path: 'note', message: 'is required' },
      { path: 'kind', message: 'must be one of: routine, urgent' },
      { path: 'email', message: 'must be an e-mail address' },
    ]);
    expect(refused.message).not.toMatch(/Too (small|big)|expected|Invalid/);
  });

  it('states the bounds of numbers and the presence of required fields', () => {
    expect(refusal(order, { lines: [{ quantity: 20_000 }], reason: 'ok', kind: 'routine' }).issues).toEqual([
      { path: 'lines.0.quantity', message: 'must be at most 10,000' },
      { path: 'reason', message: 'must be at least 3 characters' },
    ]);
    expect(refusal(order, { lines: [{ quantity: 1.5 }], kind: 'routine' }).issues).toEqual([
      { path: 'lines.0.quantity', message: 'must be a whole number' },
      { path: 'reason', message: 'is required' },
    ]);
  });

  it('keeps a message the schema sets itself', () => {
    const schema = z.object({ to: z.string().refine(() => false, { message: 'must not be before from' }) });
    expect(refusal(schema, { to: 'x' }).issues).toEqual([{ path: 'to', message: 'must not be before from' }]);
  });
});
