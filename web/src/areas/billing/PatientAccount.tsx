import { createSignal, Show } from 'solid-js';
import { FacilitySelect } from '../../features/FacilitySelect.tsx';
import { useFacilityChoice } from '../../features/facilities.ts';
import { PatientPicker, type PatientSummary } from '../../features/patients/PatientPicker.tsx';
import { InsuranceDetails } from './InsuranceDetails.tsx';
import { NewChargeForm } from './NewChargeForm.tsx';
import { PatientCharges } from './PatientCharges.tsx';
import { PatientCreditPanel } from './PatientCreditPanel.tsx';

/** One patient's account at the desk: credit and refunds, charges (add, void), insurance cards. */
export function PatientAccount() {
  const [patient, setPatient] = createSignal<PatientSummary | null>(null);
  const place = useFacilityChoice();
  return (
    <section class="page wide" aria-labelledby="account-title">
      <h1 id="account-title">Patient account</h1>
      <PatientPicker selected={patient()} onSelect={setPatient} />
      <Show when={patient()}>
        {(p) => (
          <>
            <div class="grid">
              <PatientCreditPanel patientId={p().id} />
              <InsuranceDetails patientId={p().id} />
            </div>
            <PatientCharges patientId={p().id} />
            <FacilitySelect facilities={place.facilities()} value={place.facility()?.id} onChange={place.choose} />
            <Show when={place.facility()}>{(f) => <NewChargeForm patientId={p().id} facilityId={f().id} today={place.today()} />}</Show>
          </>
        )}
      </Show>
    </section>
  );
}
