import { randomUUID } from 'node:crypto';
import type { ChargeRequest, ChargeResult, PaymentProvider, WebhookEvent } from './provider.ts';
import { WebhookSignatureError } from './provider.ts';
import { signPayload, verifySignature } from './signature.ts';

/** The test cards, as in Stripe's test mode. */
export const TEST_CARDS = { succeeds: '4242424242424242', declined: '4000000000000002' } as const;

/** How the provider reaches our webhook: the signed body and its signature header. */
export type WebhookDelivery = (payload: string, signature: string) => Promise<void>;

/**
 * A Stripe-style provider for development and tests; it moves no money. 4242 4242 4242 4242 is
 * charged and confirmed through the signed webhook; 4000 0000 0000 0002 is declined; any other card
 * is declined as unknown to test mode.
 */
export class TestPaymentProvider implements PaymentProvider {
  readonly name = 'test';
  constructor(private readonly options: { secret: string; deliver: WebhookDelivery }) {}

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    const providerRef = `pi_test_${randomUUID().replaceAll('-', '')}`;
    if (request.card.number === TEST_CARDS.declined) {
      return { status: 'declined', providerRef, declineCode: 'card_declined', message: 'Your card was declined. Try another card.' };
    }
    if (request.card.number !== TEST_CARDS.succeeds) {
      return {
        status: 'declined',
        providerRef,
        declineCode: 'test_mode_card',
        message: 'Only test cards work here: 4242 4242 4242 4242 is accepted, 4000 0000 0000 0002 is declined.',
      };
    }
    const event: WebhookEvent = {
      id: `evt_test_${randomUUID().replaceAll('-', '')}`,
      type: 'payment.succeeded',
      providerRef,
      intentId: request.intentId,
      amountMinor: request.amountMinor,
      currency: request.currency,
    };
    const payload = JSON.stringify(event);
    await this.options.deliver(payload, signPayload(this.options.secret, payload));
    return { status: 'processing', providerRef };
  }

  verifyWebhook(payload: string, signature: string): WebhookEvent {
    verifySignature(this.options.secret, payload, signature);
    const event = JSON.parse(payload) as Partial<WebhookEvent>;
    if (typeof event.intentId !== 'string' || typeof event.providerRef !== 'string' || typeof event.amountMinor !== 'number') {
      throw new WebhookSignatureError('Malformed event');
    }
    return event as WebhookEvent;
  }
}
