export { Claims } from './Claims.tsx';
export { InvoiceDetail } from './InvoiceDetail.tsx';
export { Invoices } from './Invoices.tsx';
export { PatientAccount } from './PatientAccount.tsx';
export { Reports } from './Reports.tsx';
export { Statement } from './Statement.tsx';
export { UnpricedCharges } from './UnpricedCharges.tsx';
