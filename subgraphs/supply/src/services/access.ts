import { type Context, forbidden, hasRole, type Identity, requireRole, requireStaff } from '@clinigraph/kit';

/**
 * Who may do what in supply. Patients see nothing of supply (care shows them their own prescriptions);
 * every supply resolver, `_entities` included, starts with one of these guards.
 */

/** Any member of staff may read the catalogue, stock, ledger and purchasing. Patients: FORBIDDEN. */
export const requireSupplyReader = (ctx: Pick<Context, 'identity'>): Identity => requireStaff(ctx);

/** Receiving, dispensing, transfers, adjustments, write-offs, returns and purchasing: pharmacists (and admins). */
export const requireStockKeeper = (ctx: Pick<Context, 'identity'>): Identity => requireRole(ctx, 'pharmacist');

/** The catalogue, locations and suppliers: pharmacists (and admins). */
export const requireCatalogueEditor = (ctx: Pick<Context, 'identity'>): Identity => requireRole(ctx, 'pharmacist');

/** Equipment and its maintenance log: pharmacists, lab staff (and admins). */
export const requireEquipmentKeeper = (ctx: Pick<Context, 'identity'>): Identity => requireRole(ctx, 'pharmacist', 'lab');

/** Who may issue at all (checked before the input); where from is checked by assertMayIssueFrom. */
export const requireIssuer = (ctx: Pick<Context, 'identity'>): Identity => requireRole(ctx, 'pharmacist', 'nurse');

/** A direct issue: pharmacists and admins from anywhere, nurses only from a ward cabinet. */
export function assertMayIssueFrom(ctx: Pick<Context, 'identity'>, locationKind: string): Identity {
  const identity = requireStaff(ctx);
  if (hasRole(identity, 'admin', 'pharmacist')) return identity;
  if (hasRole(identity, 'nurse') && locationKind === 'ward_cabinet') return identity;
  throw forbidden(hasRole(identity, 'nurse') ? 'Nurses may issue only from a ward cabinet' : 'You are not allowed to issue stock');
}
