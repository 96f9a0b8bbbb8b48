export const Roles = ['patient', 'doctor', 'nurse', 'receptionist', 'pharmacist', 'billing', 'lab', 'admin', 'network_admin'] as const;
export type Role = (typeof Roles)[number];

/** Who is calling, as proven by a verified token. Never built from request arguments. */
export interface Identity {
  userId: string;
  roles: Role[];
  /** The patient record this account is, for patient accounts. */
  patientId: string | null;
  /** The provider record this account is, for clinicians. */
  providerId: string | null;
  /**
   * The facilities whose data this caller may see and change (`fac` claim). `null`: not confined to
   * facilities: network-wide staff (`facility.all-sites`), services, and patients (whom the own-record
   * rule confines instead). An empty list sees no facility's data. `facility-scope.ts` reads it.
   */
  facilityIds: string[] | null;
  /**
   * Patients whose charts this clinician opened by break-the-glass (`btg` claim): they may read these
   * patients' records outside their facilities until the token expires; each such read is audited as emergency access.
   */
  emergencyPatientIds?: string[];
  /** OAuth scopes, for partner clients. */
  scopes: string[];
  /** Whether this session was confirmed with a second factor (the token's `amr` holds `otp`). */
  mfa?: boolean;
  /** Whether the account's roles must use a second factor (`mfr` claim): without one the policy grants nothing. */
  mfaRequired?: boolean;
  /** The sign-in session (`sid` claim) a person's token belongs to; absent on service and partner tokens. */
  sessionId?: string | null;
}

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (Roles as readonly string[]).includes(value);
