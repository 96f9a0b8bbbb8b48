export { Certificates } from './Certificates.tsx';
export { CriticalAlerts } from './CriticalAlerts.tsx';
export { EncounterPage } from './EncounterPage.tsx';
export { FindPatient } from './FindPatient.tsx';
export { ImagingWorklist } from './ImagingWorklist.tsx';
export { MyDay } from './MyDay.tsx';
export { PatientChart } from './PatientChart.tsx';
export { ResultsInbox } from './ResultsInbox.tsx';
