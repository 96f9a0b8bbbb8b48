import type { Identity } from './auth/identity.ts';
import type { EventRow } from './events.ts';

/** Who opened a live subscription: their verified identity and the token their events are resolved with. */
export interface LiveSubscriber {
  identity: Identity;
  token: string;
}

/**
 * One subscription field the gateway serves live. The field is declared in a subgraph's schema (so it
 * is in the supergraph and clients can validate against it); the subgraph's `SubgraphModule` lists it
 * in `liveFields` with the event topics it follows, a per-subscriber filter, and a query field that
 * resolves one event by id with normal authorisation. Every live field also takes `after: String`,
 * the cursor to resume from.
 */
export interface LiveField {
  /** The Subscription root field, e.g. `appointmentChanged`. */
  field: string;
  /** The Query root field taking `id: ID!` that resolves one event for the subscriber, e.g. `appointmentEvent`. */
  resolveWith: string;
  /** Event topics the field follows. */
  topics: string[];
  /**
   * Checks the subscriber may subscribe with these arguments and returns which events they get.
   * Runs before any event is resolved; throw an AppError to refuse the subscription. Resolution
   * then applies the subgraph's authorisation to each event again.
   */
  authorize(args: Record<string, unknown>, subscriber: LiveSubscriber): (event: EventRow) => boolean;
}
