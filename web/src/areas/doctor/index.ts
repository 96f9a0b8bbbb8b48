export { CriticalAlerts } from './CriticalAlerts.tsx';
export { EncounterPage } from './EncounterPage.tsx';
export { FindPatient } from './FindPatient.tsx';
export { MyDay } from './MyDay.tsx';
export { PatientChart } from './PatientChart.tsx';
