import type { Labels } from './enum.ts';

/** Plain words for the API's clinical enums. */
export const ENCOUNTER_STATUS: Labels<'EncounterStatus'> = { OPEN: 'Open', IN_CONSULTATION: 'In consultation', CLOSED: 'Closed' };

export const ALLERGY_SEVERITY: Labels<'AllergySeverity'> = { MILD: 'Mild', MODERATE: 'Moderate', SEVERE: 'Severe', LIFE_THREATENING: 'Life-threatening' };

export const DIAGNOSIS_KIND: Labels<'DiagnosisKind'> = { PRIMARY: 'Primary', SECONDARY: 'Secondary' };

export const NOTE_TEMPLATE: Labels<'NoteTemplate'> = { SOAP: 'SOAP', PROGRESS: 'Progress', PROCEDURE: 'Procedure' };

export const VITAL_MEASURE: Labels<'VitalMeasure'> = {
  SYSTOLIC: 'Systolic pressure',
  DIASTOLIC: 'Diastolic pressure',
  PULSE: 'Pulse',
  TEMPERATURE_C: 'Temperature',
  RESPIRATORY_RATE: 'Breathing rate',
  SPO2: 'Oxygen saturation',
  WEIGHT_KG: 'Weight',
  HEIGHT_CM: 'Height',
  BMI: 'BMI',
  PAIN_SCORE: 'Pain score',
};

export const PRESCRIPTION_STATUS: Labels<'PrescriptionStatus'> = {
  DRAFT: 'Draft',
  FINALISED: 'Finalised',
  PARTLY_DISPENSED: 'Partly dispensed',
  DISPENSED: 'Dispensed',
  CANCELLED: 'Cancelled',
};

export const MEDICATION_ROUTE: Labels<'MedicationRoute'> = {
  ORAL: 'By mouth',
  SUBLINGUAL: 'Under the tongue',
  TOPICAL: 'On the skin',
  INHALED: 'Inhaled',
  INTRAVENOUS: 'Into a vein (IV)',
  INTRAMUSCULAR: 'Into a muscle (IM)',
  SUBCUTANEOUS: 'Under the skin (SC)',
  RECTAL: 'Rectal',
  OPHTHALMIC: 'Eye',
  OTIC: 'Ear',
  NASAL: 'Nose',
};

export const RENEWAL_KIND: Labels<'RenewalKind'> = { RENEWAL: 'Renewal', REFILL: 'Refill' };

export const REQUEST_STATUS: Labels<'RequestStatus'> = { PENDING: 'Pending', APPROVED: 'Approved', DECLINED: 'Declined' };

export const LAB_ORDER_STATUS: Labels<'LabOrderStatus'> = {
  ORDERED: 'Ordered',
  COLLECTED: 'Collected',
  RECEIVED: 'Received',
  RESULTED: 'Resulted',
  VERIFIED: 'Verified',
  RELEASED: 'Released',
  CANCELLED: 'Cancelled',
};

export const ORDER_PRIORITY: Labels<'OrderPriority'> = { ROUTINE: 'Routine', URGENT: 'Urgent', STAT: 'Immediate (STAT)' };

export const RESULT_FLAG: Labels<'ResultFlag'> = {
  NORMAL: 'Normal',
  LOW: 'Low',
  HIGH: 'High',
  CRITICAL_LOW: 'Critical low',
  CRITICAL_HIGH: 'Critical high',
  ABNORMAL: 'Abnormal',
};

export const RADIOLOGY_STATUS: Labels<'RadiologyStatus'> = { ORDERED: 'Ordered', REPORTED: 'Reported', VERIFIED: 'Verified', CANCELLED: 'Cancelled' };

export const REFERRAL_STATUS: Labels<'ReferralStatus'> = { SENT: 'Sent', ACCEPTED: 'Accepted', COMPLETED: 'Completed', CANCELLED: 'Cancelled' };

export const CERTIFICATE_STATUS: Labels<'CertificateStatus'> = { REQUESTED: 'Requested', APPROVED: 'Approved', DECLINED: 'Declined' };

export const DOCUMENT_KIND: Labels<'DocumentKind'> = {
  REPORT: 'Report',
  CONSENT: 'Consent',
  REFERRAL_LETTER: 'Referral letter',
  IMAGE: 'Image',
  OTHER: 'Other',
};

export const DENTAL_FINDING: Labels<'DentalFindingKind'> = {
  CARIES: 'Caries',
  FILLING: 'Filling',
  CROWN: 'Crown',
  MISSING: 'Missing',
  EXTRACTED: 'Extracted',
  ROOT_CANAL: 'Root canal',
  IMPLANT: 'Implant',
  BRIDGE: 'Bridge',
  FRACTURE: 'Fracture',
  SEALANT: 'Sealant',
  WATCH: 'Watch',
};

export const TREATMENT_STATUS: Labels<'TreatmentStatus'> = { PLANNED: 'Planned', DONE: 'Done', CANCELLED: 'Cancelled' };

export const REFERRAL_URGENCY: Labels<'ReferralUrgency'> = { ROUTINE: 'Routine', URGENT: 'Urgent', EMERGENCY: 'Emergency' };
