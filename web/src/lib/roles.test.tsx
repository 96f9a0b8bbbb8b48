import { describe, expect, it } from 'vitest';
import { areasFor, canEnter } from './roles.ts';

describe('who may use which area', () => {
  it('keeps patients to the portal and staff out of it', () => {
    expect(areasFor(['PATIENT'])).toEqual(['portal']);
    expect(areasFor(['ADMIN'])).toEqual(['reception', 'pharmacy', 'billing', 'admin']);
    expect(areasFor(['DOCTOR'])).toEqual(['doctor']);
    expect(canEnter('portal', ['ADMIN'])).toBe(false);
    expect(canEnter('admin', ['PATIENT'])).toBe(false);
    expect(areasFor(['LAB'])).toEqual(['lab']);
    expect(canEnter('lab', ['DOCTOR'])).toBe(false);
  });
});
