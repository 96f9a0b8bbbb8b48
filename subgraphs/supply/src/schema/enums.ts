import { builder } from '../builder.ts';
import {
  equipmentStatusEnum,
  itemKindEnum,
  locationKindEnum,
  maintenanceKindEnum,
  movementKindEnum,
  movementReferenceEnum,
  purchaseOrderStatusEnum,
} from '../db/schema.ts';

/** A GraphQL enum whose names are the database values in capitals, and whose values are the database values. */
function dbEnum<const V extends string>(name: string, values: readonly V[], description: string) {
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(values.map((v) => [v.toUpperCase(), { value: v }])) as Record<Uppercase<V>, { value: V }>,
  });
}

export const ItemKind = dbEnum('ItemKind', itemKindEnum.enumValues, 'What kind of thing an item is.');
export const LocationKind = dbEnum('LocationKind', locationKindEnum.enumValues, 'What a stock location is used for.');
export const MovementKind = dbEnum('MovementKind', movementKindEnum.enumValues, 'Why stock moved.');
export const MovementReference = dbEnum('MovementReference', movementReferenceEnum.enumValues, 'What a movement refers to.');
export const PurchaseOrderStatus = dbEnum(
  'PurchaseOrderStatus',
  purchaseOrderStatusEnum.enumValues,
  'draft → ordered → partially received → received, or cancelled.',
);
export const EquipmentStatus = dbEnum('EquipmentStatus', equipmentStatusEnum.enumValues, 'Whether a piece of equipment is in use.');
export const MaintenanceKind = dbEnum('MaintenanceKind', maintenanceKindEnum.enumValues, 'What was done to a piece of equipment.');
export const ReturnDirection = dbEnum('ReturnDirection', ['from_patient', 'from_ward', 'to_supplier'] as const, 'Where returned stock comes from or goes to.');
