import { Roles } from '@clinigraph/kit';
import { builder } from '../builder.ts';

const upperValues = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v.toUpperCase(), { value: v }])) as Record<Uppercase<T>, { value: T }>;

export const SexEnum = builder.enumType('Sex', { values: upperValues(['female', 'male', 'intersex', 'unknown'] as const) });
export const AllergySeverityEnum = builder.enumType('AllergySeverity', {
  values: upperValues(['mild', 'moderate', 'severe', 'life_threatening'] as const),
});
export const BloodGroupEnum = builder.enumType('BloodGroup', {
  values: upperValues(['A_POS', 'A_NEG', 'B_POS', 'B_NEG', 'AB_POS', 'AB_NEG', 'O_POS', 'O_NEG'] as const),
});
export const RoleEnum = builder.enumType('Role', {
  values: upperValues(Roles),
});
export const AccountStatusEnum = builder.enumType('AccountStatus', { values: upperValues(['active', 'deactivated'] as const) });
