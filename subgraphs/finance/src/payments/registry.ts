import { randomBytes } from 'node:crypto';
import { AppError, ErrorCode } from '@clinigraph/kit';
import { deliverToFinance } from './deliver.ts';
import type { PaymentProvider } from './provider.ts';
import { TestPaymentProvider } from './test-provider.ts';

let current: PaymentProvider | null = null;

/**
 * The configured provider. CLINIGRAPH_PAYMENT_PROVIDER=test (the default outside production) uses the
 * test provider; its webhook secret is CLINIGRAPH_PAYMENT_WEBHOOK_SECRET, else a random one per process
 * (the test provider lives in the finance process, so only that process must know it).
 */
export function paymentProvider(): PaymentProvider {
  if (current) return current;
  const name = process.env.CLINIGRAPH_PAYMENT_PROVIDER ?? (process.env.NODE_ENV === 'production' ? '' : 'test');
  if (name !== 'test') throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'Online payment is not set up at this clinic; pay at the desk.');
  current = new TestPaymentProvider({ secret: process.env.CLINIGRAPH_PAYMENT_WEBHOOK_SECRET ?? randomBytes(32).toString('hex'), deliver: deliverToFinance });
  return current;
}

/** Replaces the provider (tests: a test provider whose deliveries they can watch and replay). */
export function usePaymentProvider(provider: PaymentProvider): void {
  current = provider;
}
