import { type Context, SERVICE_TOKEN_TTL_SECONDS, serviceIdentity, serviceSecretMatches, signAccessToken, unauthenticated } from '@clinigraph/kit';

/**
 * A short-lived token for a subgraph's own work (reminders, …), for the holder of the deployment's service
 * credential. People alone holds the signing key; the service gets only the rights kit's serviceIdentity
 * grants it. An unknown service and a wrong secret are refused alike.
 */
export async function issueServiceToken(ctx: Context, service: string, secret: string): Promise<{ accessToken: string; expiresAt: Date }> {
  const identity = serviceIdentity(service);
  if (!serviceSecretMatches(secret) || !identity) {
    ctx.log.warn({ service: identity ? service : 'unknown' }, 'service token refused');
    throw unauthenticated('Invalid service credential');
  }
  const { token, expiresAt } = await signAccessToken(identity, SERVICE_TOKEN_TTL_SECONDS);
  ctx.log.info({ service }, 'service token issued');
  return { accessToken: token, expiresAt };
}
