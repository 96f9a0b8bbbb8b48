export { AuditLog } from './AuditLog.tsx';
export { PriceList } from './PriceList.tsx';
export { Schedules } from './Schedules.tsx';
export { Users } from './Users.tsx';
