import { graphql, type ResultOf, type VariablesOf } from '../../lib/graphql.ts';
import { listsOf } from '../../lib/lists.ts';
import type { Present } from '../../lib/unavailable.ts';

/** An imaging order with its current report, as the encounter, the chart and the worklist show it. */
export const RADIOLOGY_ORDER_FIELDS = graphql(`
  fragment RadiologyOrderFields on RadiologyOrder {
    id modality bodyPart priority status clinicalInfo orderedAt verifiedAt
    encounter { id facility { id timezone } }
    report { version findings impression correctionReason reportedAt }
  }
`);

export const ENCOUNTER_IMAGING = graphql(
  `
  query EncounterImaging($id: ID!) {
    encounter(id: $id) { id radiologyOrders { ...RadiologyOrderFields } }
  }
`,
  [RADIOLOGY_ORDER_FIELDS],
);

export const PATIENT_IMAGING = graphql(
  `
  query PatientImaging($id: ID!) {
    patient(id: $id) { id radiologyOrders { ...RadiologyOrderFields } }
  }
`,
  [RADIOLOGY_ORDER_FIELDS],
);

export const RADIOLOGY_WORKLIST = graphql(
  `
  query RadiologyWorklist($statuses: [RadiologyStatus!]) {
    radiologyWorklist(statuses: $statuses) {
      ...RadiologyOrderFields
      patient { id displayName mrn }
      orderingProvider { id displayName }
    }
  }
`,
  [RADIOLOGY_ORDER_FIELDS],
);

export const ORDER_IMAGING = graphql(`
  mutation OrderImaging($encounterId: ID!, $modality: ImagingModality!, $bodyPart: String!, $clinicalInfo: String, $priority: OrderPriority) {
    orderImaging(encounterId: $encounterId, modality: $modality, bodyPart: $bodyPart, clinicalInfo: $clinicalInfo, priority: $priority) { id status }
  }
`);

export const REPORT_IMAGING = graphql(`
  mutation ReportImaging($orderId: ID!, $findings: String!, $impression: String!, $correctionReason: String) {
    reportImaging(orderId: $orderId, findings: $findings, impression: $impression, correctionReason: $correctionReason) { id status }
  }
`);

export const VERIFY_IMAGING = graphql(`
  mutation VerifyImagingReport($id: ID!) {
    verifyImagingReport(id: $id) { id status verifiedAt }
  }
`);

export const CANCEL_IMAGING = graphql(`
  mutation CancelImaging($id: ID!) {
    cancelImaging(id: $id) { id status }
  }
`);

export type RadiologyOrderInfo = ResultOf<typeof RADIOLOGY_ORDER_FIELDS>;
export type RadiologyWorklistRow = Present<ResultOf<typeof RADIOLOGY_WORKLIST>>['radiologyWorklist'][number];
export type Modality = VariablesOf<typeof ORDER_IMAGING>['modality'];
export type RadiologyStatus = NonNullable<VariablesOf<typeof RADIOLOGY_WORKLIST>['statuses']>[number];

export const MODALITIES: { value: Modality; label: string }[] = [
  { value: 'XRAY', label: 'X-ray' },
  { value: 'ULTRASOUND', label: 'Ultrasound' },
  { value: 'CT', label: 'CT' },
  { value: 'MRI', label: 'MRI' },
  { value: 'MAMMOGRAPHY', label: 'Mammography' },
  { value: 'FLUOROSCOPY', label: 'Fluoroscopy' },
];

export const modalityLabel = (m: Modality): string => MODALITIES.find((x) => x.value === m)?.label ?? m;

/** Read again whenever an imaging order is written, even while the list is still empty. */
export const RADIOLOGY_TYPENAMES = listsOf('RadiologyOrder');
