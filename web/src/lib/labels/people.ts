import type { Labels } from './enum.ts';

/** Plain words for the API's enums about people, accounts and scheduling. */
export const ROLE: Labels<'Role'> = {
  PATIENT: 'Patient',
  DOCTOR: 'Doctor',
  NURSE: 'Nurse',
  RECEPTIONIST: 'Receptionist',
  PHARMACIST: 'Pharmacist',
  BILLING: 'Billing',
  LAB: 'Lab',
  ADMIN: 'Admin',
  NETWORK_ADMIN: 'Network admin',
};

export const ACCOUNT_STATUS: Labels<'AccountStatus'> = { ACTIVE: 'Active', DEACTIVATED: 'Deactivated' };

export const SEX: Labels<'Sex'> = { FEMALE: 'Female', MALE: 'Male', INTERSEX: 'Intersex', UNKNOWN: 'Sex not recorded' };

export const BLOOD_GROUP: Labels<'BloodGroup'> = { A_POS: 'A+', A_NEG: 'A−', B_POS: 'B+', B_NEG: 'B−', AB_POS: 'AB+', AB_NEG: 'AB−', O_POS: 'O+', O_NEG: 'O−' };

export const APPOINTMENT_STATUS: Labels<'AppointmentStatus'> = {
  REQUESTED: 'Requested',
  CONFIRMED: 'Confirmed',
  CHECKED_IN: 'Checked in',
  IN_PROGRESS: 'In progress',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  NO_SHOW: 'No show',
};

export const APPOINTMENT_CHANGE: Labels<'AppointmentChangeKind'> = {
  BOOKED: 'Booked',
  REQUESTED: 'Requested',
  CONFIRMED: 'Confirmed',
  RESCHEDULED: 'Rescheduled',
  CANCELLED: 'Cancelled',
  CHECKED_IN: 'Checked in',
  STARTED: 'Started',
  COMPLETED: 'Completed',
  NO_SHOW: 'Marked no show',
};

export const BOOKING_POLICY: Labels<'BookingPolicy'> = {
  PATIENT_INSTANT: 'Patients book online',
  PATIENT_REQUEST: 'Patients request, staff confirm',
  STAFF_ONLY: 'Staff book only',
};

export const SCHEDULE_EXCEPTION_KIND: Labels<'ScheduleExceptionKind'> = { TIME_OFF: 'Time off', HOLIDAY: 'Holiday', EXTRA_SESSION: 'Extra session' };

export const WAITLIST_STATUS: Labels<'WaitlistStatus'> = { WAITING: 'Waiting', OFFERED: 'Offered a time', BOOKED: 'Booked', CANCELLED: 'Cancelled' };

/** What was done in an appointment's history (a plain string in the API: the booking and the status moves). */
export const APPOINTMENT_ACTION: Readonly<Record<string, string>> = {
  booked: 'Booked',
  booked_series: 'Booked in a series',
  booked_from_waitlist: 'Booked from the waitlist',
  rescheduled: 'Rescheduled',
  confirm: 'Confirmed',
  cancel: 'Cancelled',
  check_in: 'Checked in',
  start: 'Visit started',
  complete: 'Visit completed',
  no_show: 'Marked no show',
  undo_no_show: 'No show undone',
};

/** The words for an appointment history action, readable even for one added later. */
export const appointmentAction = (action: string): string =>
  APPOINTMENT_ACTION[action] ?? action.charAt(0).toUpperCase() + action.slice(1).replaceAll('_', ' ');

export const SIGN_IN_OUTCOME: Labels<'SignInOutcome'> = {
  SUCCEEDED: 'Signed in',
  FAILED: 'Refused',
  LOCKED_OUT: 'Locked out after too many attempts',
  MFA_FAILED: 'Wrong two-step code',
};
