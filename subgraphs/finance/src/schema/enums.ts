import { builder } from '../builder.ts';

const upperValues = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v.toUpperCase(), { value: v }])) as Record<Uppercase<T>, { value: T }>;

export const ServiceTypeEnum = builder.enumType('ServiceType', {
  values: upperValues(['consultation', 'procedure', 'lab_test', 'medicine', 'other'] as const),
});
export const ChargeSourceEnum = builder.enumType('ChargeSource', {
  description: 'Where a charge came from. ENCOUNTER: a walk-in visit, charged when its encounter closes (an appointment’s visit is APPOINTMENT).',
  values: upperValues(['appointment', 'encounter', 'dispense', 'lab_order', 'manual'] as const),
});
export const ChargeStatusEnum = builder.enumType('ChargeStatus', { values: upperValues(['pending', 'invoiced', 'void'] as const) });
export const InvoiceStatusEnum = builder.enumType('InvoiceStatus', {
  values: upperValues(['draft', 'issued', 'partially_paid', 'paid', 'credited', 'void'] as const),
});
export const PaymentMethodEnum = builder.enumType('PaymentMethod', { values: upperValues(['cash', 'card', 'insurance', 'online', 'credit'] as const) });
export const StaffPaymentMethodEnum = builder.enumType('StaffPaymentMethod', { values: upperValues(['cash', 'card', 'insurance'] as const) });
export const RefundMethodEnum = builder.enumType('RefundMethod', { values: upperValues(['cash', 'card'] as const) });
export const ClaimStatusEnum = builder.enumType('ClaimStatus', {
  values: upperValues(['draft', 'submitted', 'approved', 'partially_approved', 'denied', 'paid'] as const),
});
export const RevenueGroupingEnum = builder.enumType('RevenueGrouping', { values: upperValues(['day', 'provider', 'service', 'payer'] as const) });
export const StatementEntryKindEnum = builder.enumType('StatementEntryKind', { values: upperValues(['invoice', 'credit_note', 'payment', 'refund'] as const) });
