import { graphql, type ResultOf, type VariablesOf } from '../../lib/graphql.ts';
import { listsOf } from '../../lib/lists.ts';
import type { Present } from '../../lib/unavailable.ts';

/** A patient's dental chart: teeth with findings (oldest first) and the treatment plan. */
export const DENTAL_CHART = graphql(`
  query DentalChart($id: ID!) {
    patient(id: $id) {
      id
      dentalChart {
        teeth { tooth findings { id finding surfaces note recordedAt } }
        plan { id tooth procedure priority status note createdAt completedAt }
      }
    }
  }
`);

export const RECORD_TOOTH_FINDING = graphql(`
  mutation RecordToothFinding($encounterId: ID!, $tooth: Int!, $finding: DentalFindingKind!, $surfaces: [ToothSurface!], $note: String) {
    recordToothFinding(encounterId: $encounterId, tooth: $tooth, finding: $finding, surfaces: $surfaces, note: $note) { id tooth finding }
  }
`);

export const ADD_PLAN_ITEM = graphql(`
  mutation AddTreatmentPlanItem($encounterId: ID!, $tooth: Int, $procedure: String!, $priority: Int, $note: String) {
    addTreatmentPlanItem(encounterId: $encounterId, tooth: $tooth, procedure: $procedure, priority: $priority, note: $note) { id status }
  }
`);

export const SET_PLAN_STATUS = graphql(`
  mutation SetTreatmentPlanStatus($id: ID!, $status: TreatmentStatus!) {
    setTreatmentPlanStatus(id: $id, status: $status) { id status completedAt }
  }
`);

export type DentalChartInfo = NonNullable<Present<ResultOf<typeof DENTAL_CHART>>['patient']['dentalChart']>;
export type FindingKind = VariablesOf<typeof RECORD_TOOTH_FINDING>['finding'];
export type Surface = NonNullable<VariablesOf<typeof RECORD_TOOTH_FINDING>['surfaces']>[number];

export const FINDING_KINDS: FindingKind[] = [
  'CARIES',
  'FILLING',
  'CROWN',
  'MISSING',
  'EXTRACTED',
  'ROOT_CANAL',
  'IMPLANT',
  'BRIDGE',
  'FRACTURE',
  'SEALANT',
  'WATCH',
];
export const SURFACES: { value: Surface; label: string }[] = [
  { value: 'M', label: 'Mesial' },
  { value: 'O', label: 'Occlusal' },
  { value: 'D', label: 'Distal' },
  { value: 'B', label: 'Buccal' },
  { value: 'L', label: 'Lingual' },
  { value: 'I', label: 'Incisal' },
];

const range = (from: number, to: number) => Array.from({ length: Math.abs(to - from) + 1 }, (_, i) => (from < to ? from + i : from - i));

/** The permanent teeth as a dentist faces the patient: upper 18→11 | 21→28, lower 48→41 | 31→38. */
export const FDI_ROWS = [
  { label: 'Upper jaw', right: range(18, 11), left: range(21, 28) },
  { label: 'Lower jaw', right: range(48, 41), left: range(31, 38) },
];

/** FDI notation: permanent 11–18, 21–28, 31–38, 41–48; primary 51–55, 61–65, 71–75, 81–85. */
export const isFdiTooth = (n: number): boolean => {
  const quadrant = Math.floor(n / 10);
  const unit = n % 10;
  return Number.isInteger(n) && unit >= 1 && ((quadrant >= 1 && quadrant <= 4 && unit <= 8) || (quadrant >= 5 && quadrant <= 8 && unit <= 5));
};

/** Read again whenever a finding or a plan item is written, even while the chart is still empty. */
export const DENTAL_TYPENAMES = listsOf('DentalFinding', 'TreatmentPlanItem');
