export { AppointmentDetail } from './AppointmentDetail.tsx';
export { BookAppointment } from './BookAppointment.tsx';
export { DayBoard } from './DayBoard.tsx';
export { Patients } from './Patients.tsx';
export { QueueBoard } from './QueueBoard.tsx';
export { Waitlist } from './Waitlist.tsx';
