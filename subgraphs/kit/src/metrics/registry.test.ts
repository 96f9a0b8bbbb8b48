import { describe, expect, it } from 'vitest';
import { boundedLabel } from './registry.ts';

describe('boundedLabel: label values stay few whatever clients send', () => {
  it('keeps the first distinct names, and every name after the limit becomes other', () => {
    const label = boundedLabel(2);
    expect([label('DayBoard'), label('Login'), label('DayBoard')]).toEqual(['DayBoard', 'Login', 'DayBoard']);
    expect(label('Third')).toBe('other');
    expect(label('Login')).toBe('Login');
  });

  it('names a missing value by the fallback, and a malformed one other without using up the limit', () => {
    const label = boundedLabel(1);
    expect(label(null)).toBe('anonymous');
    expect(label(undefined, 'invalid')).toBe('invalid');
    expect(label('x"} 1\nevil')).toBe('other');
    expect(label('a'.repeat(65))).toBe('other');
    expect(label('Fine')).toBe('Fine');
  });
});
