import type { Handler } from '../../testing/fake-gateway.ts';
import type { EquipmentInfo } from './equipment-queries.ts';

/** What the pharmacy component tests share: one medicine, two locations, one supplier, as the API sends them. */
export const para = { id: 'item-para', name: 'Paracetamol', unit: 'tablet' };
export const pharmacy = { id: 'loc-pharm', name: 'Pharmacy' };
export const ward = { id: 'loc-ward', name: 'Ward A cabinet' };
export const medline = { id: 'sup-1', name: 'Medline', active: true };
export const monitor = { id: 'item-bp', name: 'Blood pressure monitor', unit: 'each' };

const catalogue = [
  { ...para, kind: 'MEDICINE' as const, reorderQuantity: 500, preferredSupplier: { id: medline.id } },
  { ...monitor, kind: 'EQUIPMENT' as const, reorderQuantity: 1, preferredSupplier: null },
];

/** Answers for the lookups the stock forms make: locations, the catalogue (by kind) and suppliers. */
export const lookups: Record<string, Handler> = {
  Locations: () => ({
    data: {
      locations: [
        { ...pharmacy, code: 'PH', kind: 'PHARMACY' },
        { ...ward, code: 'WA', kind: 'WARD_CABINET' },
        { id: 'loc-store', code: 'ST', name: 'Main store', kind: 'STORE' },
      ],
    },
  }),
  CatalogueItems: (v) => ({ data: { items: catalogue.filter((i) => !v.kind || i.kind === v.kind) } }),
  Suppliers: () => ({ data: { suppliers: [medline, { id: 'sup-2', name: 'Gone Ltd', active: false }] } }),
};

/** A stock operation's answer. */
export const operation = (quantity: number) => ({ operationId: 'op-1', movements: [{ quantity }] });

/** A purchase order as PurchaseOrderFields reads it (with its typename, as urql asks for it). */
export const purchaseOrder = (number: string, lines: { quantity: number; item?: { name: string; unit: string } }[]) => ({
  __typename: 'PurchaseOrder' as const,
  id: `po-${number}`,
  number,
  status: 'DRAFT' as const,
  createdAt: '2026-11-30T14:00:00Z',
  supplier: { name: medline.name },
  deliverTo: { ...pharmacy },
  lines: lines.map((l, i) => ({
    id: `pol-${number}-${i}`,
    quantityOrdered: l.quantity,
    quantityReceived: 0,
    outstanding: l.quantity,
    item: l.item ?? { name: para.name, unit: para.unit },
  })),
});

/** A piece of equipment as the Equipment page reads it, in service at the pharmacy. */
export const piece = (id: string, name: string, next: string | null, extra: Partial<EquipmentInfo> = {}): EquipmentInfo & { __typename: 'Equipment' } => ({
  __typename: 'Equipment',
  id,
  serialNumber: `SN-${id}`,
  status: 'IN_SERVICE',
  maintenanceIntervalDays: 180,
  lastMaintainedOn: null,
  nextMaintenanceDue: next,
  item: { name },
  location: { ...pharmacy },
  maintenanceLog: [],
  ...extra,
});

/** The same piece as the maintenance-due list reads it. */
export const dueEntry = (p: ReturnType<typeof piece>) => ({
  __typename: 'Equipment' as const,
  id: p.id,
  serialNumber: p.serialNumber,
  nextMaintenanceDue: p.nextMaintenanceDue,
  item: p.item,
  location: { name: p.location.name },
});
