import { useFacilityChoice } from '../../features/facilities.ts';
import { EncounterReferrals } from './EncounterReferrals.tsx';
import { PatientCertificateList } from './PatientCertificateList.tsx';

/** The encounter's paperwork: certificates issued for the patient (and a new one from this visit), and referrals. */
export function EncounterPaperwork(props: { encounterId: string; patientId: string; editable: boolean }) {
  const place = useFacilityChoice();
  return (
    <>
      <section class="card" aria-labelledby="encounter-certificates-title">
        <h2 id="encounter-certificates-title">Certificates</h2>
        <PatientCertificateList
          patientId={props.patientId}
          encounterId={props.encounterId}
          today={place.today()}
          timeZone={place.facility()?.timezone}
          editable={props.editable}
        />
      </section>
      <EncounterReferrals encounterId={props.encounterId} editable={props.editable} timeZone={place.facility()?.timezone} />
    </>
  );
}
