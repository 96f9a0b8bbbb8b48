import { internalCallHeaders, log, serviceUrl } from '@clinigraph/kit';
import type { WebhookDelivery } from './test-provider.ts';

const WEBHOOK = 'mutation PaymentWebhook($payload: String!, $signature: String!) { paymentProviderWebhook(payload: $payload, signature: $signature) }';

/**
 * The test provider calls finance's webhook over HTTP, as a real provider would. A failed delivery is
 * logged (never the body) and leaves the payment processing, unpaid.
 */
export const deliverToFinance: WebhookDelivery = async (payload, signature) => {
  try {
    const request = JSON.stringify({ query: WEBHOOK, variables: { payload, signature } });
    const res = await fetch(serviceUrl('finance'), {
      method: 'POST',
      // Finance's endpoint answers only internal callers: the in-process test provider signs as finance.
      headers: {
        'content-type': 'application/json',
        ...(await internalCallHeaders({ audience: 'finance', issuer: 'finance', method: 'POST', body: request, ip: null })),
      },
      body: request,
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    if (body.errors?.length) log.warn({ code: body.errors[0]?.extensions?.code }, 'payment webhook refused');
  } catch (error) {
    log.warn({ err: (error as Error).message }, 'payment webhook not delivered');
  }
};
