import { type Context, can, forbidden, type Identity, requireIdentity } from '@clinigraph/kit';

/**
 * Issuing stock in supply. Every other supply resolver, `_entities` included, starts with its capability
 * (`stock.read` to read; `stock.manage`, `catalogue.manage` or `equipment.manage` to change); patients
 * hold none of them and see nothing of supply (care shows them their own prescriptions).
 */

/** Who may issue at all (checked before the input); where from is checked by assertMayIssueFrom. */
export function requireIssuer(ctx: Pick<Context, 'identity'>): Identity {
  const identity = requireIdentity(ctx);
  if (!can(identity, 'stock.issue') && !can(identity, 'stock.issue.ward-cabinet')) throw forbidden();
  return identity;
}

/** A direct issue: from anywhere (`stock.issue`), or only from a ward cabinet (`stock.issue.ward-cabinet`: nurses). */
export function assertMayIssueFrom(ctx: Pick<Context, 'identity'>, locationKind: string): Identity {
  const identity = requireIdentity(ctx);
  if (can(identity, 'stock.issue')) return identity;
  const wardOnly = can(identity, 'stock.issue.ward-cabinet');
  if (wardOnly && locationKind === 'ward_cabinet') return identity;
  throw forbidden(wardOnly ? 'Nurses may issue only from a ward cabinet' : 'You are not allowed to issue stock');
}
