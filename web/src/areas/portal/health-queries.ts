import { graphql } from '../../lib/graphql.ts';

/** The patient's closed visits, newest first, with what a patient is shown of each. */
export const MY_VISITS = graphql(`
  query MyVisits($id: ID!) {
    patient(id: $id) {
      id
      encounters {
        id status openedAt closedAt chiefComplaint
        provider { id displayName }
        facility { id name timezone }
        diagnoses { id code description kind }
        prescriptions { id status items { id medicineName dose frequency durationDays } }
        followUp { recommendedOn reason }
      }
    }
  }
`);

/** What a patient needs at a glance: allergies, conditions, medicines, last measurements. */
export const MY_HEALTH = graphql(`
  query MyHealth($id: ID!) {
    patient(id: $id) {
      id displayName mrn dateOfBirth bloodGroup chronicConditions
      allergies { id substance reaction severity }
      vitals(first: 1) { id recordedAt systolic diastolic pulse temperatureC spo2 weightKg heightCm bmi }
      prescriptions { id status validUntil finalisedAt items { id medicineName dose frequency durationDays } }
      diagnosisHistory { id code description kind recordedAt }
    }
  }
`);
