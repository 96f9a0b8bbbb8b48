import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { assertFacilityAccess, canSeePatientAt, facilityScope, hasEmergencyAccess, inFacilityScope } from './facility-scope.ts';
import type { Identity, Role } from './identity.ts';

const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const PATIENT = '11111111-1111-4111-8111-111111111111';

const who = (roles: Role[], facilityIds: string[] | null, extra: Partial<Identity> = {}): Identity => ({
  userId: 'u1',
  roles,
  patientId: null,
  providerId: null,
  facilityIds,
  scopes: [],
  mfa: true,
  ...extra,
});

describe('facility scoping', () => {
  it('confines staff to the facilities they belong to', () => {
    const nurseOfA = who(['nurse'], [A]);
    expect(facilityScope(nurseOfA)).toEqual([A]);
    expect(inFacilityScope(nurseOfA, A)).toBe(true);
    expect(inFacilityScope(nurseOfA, B)).toBe(false);
  });

  it('gives a member of staff without facilities no facility’s data', () => {
    expect(facilityScope(who(['receptionist'], []))).toEqual([]);
    expect(inFacilityScope(who(['receptionist'], []), A)).toBe(false);
  });

  it('confines an admin to their facilities too; only a network admin sees every facility', () => {
    expect(facilityScope(who(['admin'], [A]))).toEqual([A]);
    expect(facilityScope(who(['network_admin'], [A]))).toBeNull();
    expect(inFacilityScope(who(['network_admin'], []), B)).toBe(true);
  });

  it('leaves a patient unconfined by facility: their own record follows them to every facility', () => {
    expect(facilityScope(who(['patient'], [], { patientId: PATIENT }))).toBeNull();
  });

  it('gives anonymous callers nothing', () => {
    expect(facilityScope(null)).toEqual([]);
    expect(inFacilityScope(null, A)).toBe(false);
  });

  it('treats a record of no facility as within everyone’s scope', () => {
    expect(inFacilityScope(who(['nurse'], [A]), null)).toBe(true);
  });

  it('answers NOT_FOUND, never FORBIDDEN, for another facility’s record', () => {
    let code: unknown = null;
    try {
      assertFacilityAccess({ identity: who(['nurse'], [A]) }, B, 'Appointment');
    } catch (err) {
      code = err instanceof AppError ? err.extensions.code : err;
    }
    expect(code).toBe('NOT_FOUND');
    expect(() => assertFacilityAccess({ identity: who(['nurse'], [A]) }, A, 'Appointment')).not.toThrow();
  });

  it('lets a clinician who broke the glass see that one patient’s records at another facility, and no one else’s', () => {
    const doctor = who(['doctor'], [A], { emergencyPatientIds: [PATIENT] });
    expect(hasEmergencyAccess(doctor, PATIENT)).toBe(true);
    expect(canSeePatientAt(doctor, PATIENT, B)).toBe(true);
    expect(canSeePatientAt(doctor, '22222222-2222-4222-8222-222222222222', B)).toBe(false);
    expect(canSeePatientAt(who(['doctor'], [A]), PATIENT, B)).toBe(false);
  });
});
