import { idempotencyKeyTable } from '@clinigraph/kit/idempotency';
import { finance } from './base.ts';

/** Idempotency keys of the finance writes a client may retry (kit/src/idempotency.ts); expired by the idempotency-key-expiry job. */
export const idempotencyKey = idempotencyKeyTable(finance);
