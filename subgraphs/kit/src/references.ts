import type { Builder } from './builder.ts';

/**
 * References to entities other subgraphs own. A subgraph returns `{ id }` and the gateway asks the
 * owner to resolve the rest, with the owner's authorisation.
 */
export function patientReference(builder: Builder) {
  return builder.externalRef('Patient', builder.selection<{ id: string }>('id')).implement({
    fields: (t) => ({ id: t.exposeID('id') }),
  });
}

export function providerReference(builder: Builder) {
  return builder.externalRef('Provider', builder.selection<{ id: string }>('id')).implement({
    fields: (t) => ({ id: t.exposeID('id') }),
  });
}

export function facilityReference(builder: Builder) {
  return builder.externalRef('Facility', builder.selection<{ id: string }>('id')).implement({
    fields: (t) => ({ id: t.exposeID('id') }),
  });
}

/** A supply catalogue Item (e.g. the medicine on a prescription line); supply resolves it for staff. */
export function itemReference(builder: Builder) {
  return builder.externalRef('Item', builder.selection<{ id: string }>('id')).implement({
    fields: (t) => ({ id: t.exposeID('id') }),
  });
}
