export { Alerts } from './Alerts.tsx';
export { Dispense } from './Dispense.tsx';
export { DispenseQueue } from './DispenseQueue.tsx';
export { PurchaseOrders } from './PurchaseOrders.tsx';
export { StockLevels } from './StockLevels.tsx';
