export { LabOrderPage } from './LabOrderPage.tsx';
export { ReleasedOrders, Worklist } from './Worklist.tsx';
