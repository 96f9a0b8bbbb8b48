import { isUuid, requireStaff } from '@clinigraph/kit';
import { asc, eq } from 'drizzle-orm';
import { builder } from '../builder.ts';
import { item } from '../db/schema.ts';
import { type ItemRow, itemById } from '../services/loaders.ts';

export const ItemKind = builder.enumType('ItemKind', { values: ['MEDICINE', 'CONSUMABLE', 'EQUIPMENT', 'REAGENT'] as const });

export const ItemRef = builder.objectRef<ItemRow>('Item').implement({
  description: 'Something the clinic stocks: a medicine, consumable, piece of equipment or reagent.',
  fields: (t) => ({
    id: t.exposeID('id'),
    sku: t.exposeString('sku'),
    name: t.exposeString('name'),
    kind: t.field({ type: ItemKind, resolve: (i) => i.kind.toUpperCase() as never }),
    unit: t.exposeString('unit'),
    genericName: t.exposeString('genericName', { nullable: true }),
    form: t.exposeString('form', { nullable: true }),
    strength: t.exposeString('strength', { nullable: true }),
    reorderLevel: t.exposeInt('reorderLevel'),
    reorderQuantity: t.exposeInt('reorderQuantity'),
  }),
});

// The catalogue is staff information; patients see medicines only through their own prescriptions.
builder.asEntity(ItemRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => {
    requireStaff(ctx);
    return isUuid(id) ? itemById(ctx).load(id) : null;
  },
});

builder.queryFields((t) => ({
  items: t.field({
    type: [ItemRef],
    args: { kind: t.arg({ type: ItemKind }) },
    resolve: (_r, { kind }, ctx) => {
      requireStaff(ctx);
      return ctx.db
        .select()
        .from(item)
        .where(kind ? eq(item.kind, kind.toLowerCase() as ItemRow['kind']) : undefined)
        .orderBy(asc(item.name));
    },
  }),
}));
