import { type AuditLog, type EventRow, isUuid, log, type StockDispensedPayload, type Tx } from '@clinigraph/kit';
import { eq } from 'drizzle-orm';
import { dispenseRecord, prescription, prescriptionItem } from '../db/schema.ts';

/**
 * The stock.dispensed consumer's handler: adds dispensed quantities to the prescription's lines and
 * moves it to partly dispensed or dispensed. The dispense id is recorded first with ON CONFLICT DO
 * NOTHING, so a replayed event changes nothing.
 */
export async function applyDispense(tx: Tx, event: EventRow, audit: AuditLog): Promise<void> {
  const payload = event.payload as unknown as StockDispensedPayload;
  const prescriptionId = payload?.prescriptionId;
  if (!isUuid(prescriptionId) || !Array.isArray(payload.lines)) return;
  const [rx] = await tx.select().from(prescription).where(eq(prescription.id, prescriptionId)).for('update');
  if (!rx) {
    log.warn({ eventId: String(event.id), prescriptionId }, 'stock.dispensed for an unknown prescription; skipped');
    return;
  }
  const lines = payload.lines.filter((l) => typeof l.itemId === 'string' && Number.isInteger(l.quantity) && l.quantity > 0);
  const [recorded] = await tx
    .insert(dispenseRecord)
    .values({ dispenseId: event.entityId, eventId: String(event.id), prescriptionId, lines })
    .onConflictDoNothing()
    .returning();
  if (!recorded) return;

  const items = await tx.select().from(prescriptionItem).where(eq(prescriptionItem.prescriptionId, prescriptionId));
  const added = new Map<string, number>();
  for (const line of lines) {
    const target =
      items.find((i) => i.id === line.prescriptionItemId) ??
      items.find((i) => i.itemId === line.itemId && i.dispensedQuantity + (added.get(i.id) ?? 0) < i.quantity) ??
      items.find((i) => i.itemId === line.itemId);
    if (!target) {
      log.warn({ eventId: String(event.id), itemId: line.itemId }, 'dispensed item is not on the prescription');
      continue;
    }
    added.set(target.id, (added.get(target.id) ?? 0) + line.quantity);
  }
  for (const [itemId, quantity] of added) {
    const item = items.find((i) => i.id === itemId)!;
    item.dispensedQuantity += quantity;
    await tx.update(prescriptionItem).set({ dispensedQuantity: item.dispensedQuantity }).where(eq(prescriptionItem.id, itemId));
  }
  const live = rx.status === 'finalised' || rx.status === 'partly_dispensed';
  const complete = items.every((i) => i.dispensedQuantity >= i.quantity);
  const status = !live ? rx.status : complete ? 'dispensed' : items.some((i) => i.dispensedQuantity > 0) ? 'partly_dispensed' : rx.status;
  if (status !== rx.status) await tx.update(prescription).set({ status, updatedAt: new Date() }).where(eq(prescription.id, rx.id));
  if (!live) log.warn({ prescriptionId, status: rx.status }, 'stock was dispensed against a prescription that is not live; quantities recorded, status kept');
  await audit.write(tx, {
    action: 'update',
    entityType: 'Prescription',
    entityId: rx.id,
    patientId: rx.patientId,
    detail: { dispenseId: event.entityId, status, lines: lines.length },
  });
}
