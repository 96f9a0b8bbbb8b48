import type { Labels } from './enum.ts';

/** Plain words for the API's enums about stock, the catalogue and equipment. */
export const ITEM_KIND: Labels<'ItemKind'> = { MEDICINE: 'Medicine', CONSUMABLE: 'Consumable', EQUIPMENT: 'Equipment', REAGENT: 'Lab reagent' };

export const LOCATION_KIND: Labels<'LocationKind'> = { PHARMACY: 'Pharmacy', WARD_CABINET: 'Ward cabinet', LAB: 'Laboratory', STORE: 'Store room' };

export const MOVEMENT_KIND: Labels<'MovementKind'> = {
  RECEIVE: 'Received',
  ISSUE: 'Issued',
  DISPENSE: 'Dispensed',
  TRANSFER: 'Transferred',
  ADJUST: 'Count adjusted',
  EXPIRE: 'Expired',
  WRITE_OFF: 'Written off',
  RETURN: 'Returned',
};

export const MOVEMENT_REFERENCE: Labels<'MovementReference'> = {
  PURCHASE_ORDER_LINE: 'Purchase order',
  DELIVERY: 'Delivery',
  PRESCRIPTION: 'Prescription',
  PATIENT: 'Patient',
  WARD: 'Ward',
  TRANSFER: 'Transfer',
  ADJUSTMENT: 'Count adjustment',
  WRITE_OFF: 'Write-off',
  RETURN: 'Return',
};

export const PURCHASE_ORDER_STATUS: Labels<'PurchaseOrderStatus'> = {
  DRAFT: 'Draft',
  ORDERED: 'Ordered',
  PARTIALLY_RECEIVED: 'Partly received',
  RECEIVED: 'Received',
  CANCELLED: 'Cancelled',
};

export const EQUIPMENT_STATUS: Labels<'EquipmentStatus'> = { IN_SERVICE: 'In service', OUT_OF_SERVICE: 'Out of service', RETIRED: 'Retired' };

export const MAINTENANCE_KIND: Labels<'MaintenanceKind'> = { PREVENTIVE: 'Preventive', CALIBRATION: 'Calibration', REPAIR: 'Repair', INSPECTION: 'Inspection' };
