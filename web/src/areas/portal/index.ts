export { BookSlot } from './BookSlot.tsx';
export { MyAppointments } from './MyAppointments.tsx';
export { MyInvoices } from './MyInvoices.tsx';
export { MyPrescriptions } from './MyPrescriptions.tsx';
export { MyProfile } from './MyProfile.tsx';
export { MyResults } from './MyResults.tsx';
export { Notifications } from './Notifications.tsx';
