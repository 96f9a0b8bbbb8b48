import { cleanup, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWith } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { PatientChart } from './PatientChart.tsx';

afterEach(cleanup);

const CARE_DOWN = { message: 'The care service is unavailable', extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'care' } };
const penicillin = { __typename: 'Allergy', id: 'al-1', substance: 'Penicillin', severity: 'SEVERE', reaction: 'hives' };
/** The chart as the gateway answers it while care is down: people's part, and null for what care adds. */
const withoutCare = () => ({
  data: {
    patient: {
      id: 'pat-1',
      displayName: 'Maria Garcia',
      mrn: 'CG00000017',
      dateOfBirth: '1985-04-12',
      sex: 'FEMALE',
      bloodGroup: null,
      chronicConditions: ['Asthma'],
      phone: null,
      allergies: [penicillin],
      encounters: null,
      prescriptions: null,
      labOrders: null,
    },
  },
  errors: [CARE_DOWN],
});

describe('the patient chart while care is down', () => {
  it('keeps what people holds (the patient, conditions, allergies) and says which parts are unavailable', async () => {
    renderComponent(() => <PatientChart />, {
      account: accountWith(['DOCTOR']),
      path: '/doctor/patients/pat-1',
      route: '/doctor/patients/:id',
      handlers: { PatientChart: withoutCare },
    });
    expect(await screen.findByRole('heading', { name: 'Maria Garcia' })).toBeTruthy();
    expect(screen.getByText('Conditions: Asthma')).toBeTruthy();
    expect(screen.getByText('Penicillin')).toBeTruthy();
    expect(screen.getByText('Visits are unavailable right now.')).toBeTruthy();
    expect(screen.getByText('Prescriptions are unavailable right now.')).toBeTruthy();
    expect(screen.getByText('Lab results are unavailable right now.')).toBeTruthy();
  });
});
