export { AppointmentDetail } from './AppointmentDetail.tsx';
export { BookAppointment } from './BookAppointment.tsx';
export { BookSeries } from './BookSeries.tsx';
export { DayBoard } from './DayBoard.tsx';
export { FollowUps } from './FollowUps.tsx';
export { Patients } from './Patients.tsx';
export { QueueBoard } from './QueueBoard.tsx';
export { Waitlist } from './Waitlist.tsx';
