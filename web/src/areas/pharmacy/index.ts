export { Alerts } from './Alerts.tsx';
export { Dispense } from './Dispense.tsx';
export { DispenseQueue } from './DispenseQueue.tsx';
export { Equipment } from './Equipment.tsx';
export { PurchaseOrders } from './PurchaseOrders.tsx';
export { StockChanges } from './StockChanges.tsx';
export { StockLedger } from './StockLedger.tsx';
export { StockLevels } from './StockLevels.tsx';
