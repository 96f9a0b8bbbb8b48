import { describe, expect, it } from 'vitest';
import { checkAgainstApi } from './api-check.ts';

const CHART = {
  query: 'query Chart($id: ID!) { patient(id: $id) { id displayName dateOfBirth bloodGroup allergies { substance severity } } }',
  variables: { id: 'pat-1' },
  operationName: 'Chart',
};
const maria = {
  id: 'pat-1',
  displayName: 'Maria Garcia',
  dateOfBirth: '1984-03-02',
  bloodGroup: null,
  allergies: [{ substance: 'Penicillin', severity: 'SEVERE' }],
};
const answer = (patient: Record<string, unknown>) => ({ data: { patient } });

describe('checking the component tests’ fakes against the API schema', () => {
  it('accepts an answer the API could send, with or without __typename', () => {
    expect(checkAgainstApi(CHART, answer(maria))).toEqual([]);
    expect(checkAgainstApi(CHART, answer({ ...maria, __typename: 'Patient' }))).toEqual([]);
  });

  it('refuses a field the document did not ask for', () => {
    expect(checkAgainstApi(CHART, answer({ ...maria, mrn: 'CG01' }))).toEqual(['data.patient.mrn: not asked for by the document (or not in the schema)']);
  });

  it('refuses a missing non-null field, and a missing nullable one (the API sends null)', () => {
    const { displayName: _name, bloodGroup: _group, ...rest } = maria;
    expect(checkAgainstApi(CHART, answer(rest))).toEqual(['data.patient.displayName: Cannot return null for non-nullable field Patient.displayName.']);
    expect(checkAgainstApi(CHART, answer({ ...maria, bloodGroup: undefined }))).toEqual([
      'data.patient.bloodGroup: missing (the API always sends it; use null)',
    ]);
  });

  it('refuses a value of the wrong type, an unknown enum value and a malformed date', () => {
    expect(checkAgainstApi(CHART, answer({ ...maria, id: 7 }))).toEqual(['data.patient.id: the API would send "7" (string), the fake has 7 (number)']);
    expect(checkAgainstApi(CHART, answer({ ...maria, allergies: [{ substance: 'Penicillin', severity: 'BAD' }] }))).toEqual([
      'data.patient.allergies.0.severity: Enum "AllergySeverity" cannot represent value: "BAD"',
    ]);
    expect(checkAgainstApi(CHART, answer({ ...maria, dateOfBirth: 'March 1984' }))).toEqual([
      'data.patient.dateOfBirth: Date must be YYYY-MM-DD, got "March 1984"',
    ]);
  });

  it('refuses a document the API would refuse, and variables that do not fit it', () => {
    expect(checkAgainstApi({ ...CHART, query: 'query Chart($id: ID!) { patient(id: $id) { id shoeSize } }' })).toEqual([
      'the document is not valid against schema/api.graphql: Cannot query field "shoeSize" on type "Patient".',
    ]);
    expect(checkAgainstApi({ ...CHART, variables: {} })).toEqual(['variables: Variable "$id" of required type "ID!" was not provided.']);
  });

  it('leaves error answers to the test, checking only the request', () => {
    expect(checkAgainstApi(CHART, { data: null, errors: [{ message: 'not found', extensions: { code: 'NOT_FOUND' } }] })).toEqual([]);
  });
});
