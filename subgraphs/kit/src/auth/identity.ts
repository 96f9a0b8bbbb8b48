export const Roles = ['patient', 'doctor', 'nurse', 'receptionist', 'pharmacist', 'billing', 'lab', 'admin'] as const;
export type Role = (typeof Roles)[number];

/** Who is calling, as proven by a verified token. Never built from request arguments. */
export interface Identity {
  userId: string;
  roles: Role[];
  /** The patient record this account is, for patient accounts. */
  patientId: string | null;
  /** The provider record this account is, for clinicians. */
  providerId: string | null;
  facilityIds: string[];
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
