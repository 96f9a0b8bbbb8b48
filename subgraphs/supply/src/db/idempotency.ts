import { idempotencyKeyTable } from '@clinigraph/kit/idempotency';
import { supply } from './namespace.ts';

/** Idempotency keys of the supply writes a client may retry (kit/src/idempotency.ts); expired by the idempotency-key-expiry job. */
export const idempotencyKey = idempotencyKeyTable(supply);
