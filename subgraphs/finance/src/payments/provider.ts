/**
 * What finance needs from a card payment provider. A charge only starts a payment: the provider
 * confirms it later through its signed webhook, and only that confirmation pays the invoice.
 */
export interface CardDetails {
  /** Digits only. It goes to the provider and is never stored or logged. */
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

export interface ChargeRequest {
  /** Our payment intent: the provider's idempotency key and the reference its webhook carries back. */
  intentId: string;
  amountMinor: number;
  currency: string;
  card: CardDetails;
}

export type ChargeResult = { status: 'processing'; providerRef: string } | { status: 'declined'; providerRef: string; declineCode: string; message: string };

/** A verified webhook event. */
export interface WebhookEvent {
  id: string;
  type: 'payment.succeeded' | 'payment.failed';
  providerRef: string;
  intentId: string;
  amountMinor: number;
  currency: string;
  declineCode?: string;
}

export interface PaymentProvider {
  readonly name: string;
  charge(request: ChargeRequest): Promise<ChargeResult>;
  /** Parses a webhook body after checking its signature header; throws `WebhookSignatureError` when it does not match. */
  verifyWebhook(payload: string, signature: string): WebhookEvent;
}

export class WebhookSignatureError extends Error {}
