import type { Context } from './context.ts';
import { AppError, ErrorCode, unauthenticated } from './errors.ts';
import { type EntitiesAnswer, fetchEntities, serviceUrl } from './peers.ts';

/** The owner's refusals that mean the same to the caller here; passed on as they are. */
const passedOn = new Set<string>([ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN]);

export const peerUnavailable = (service: string, purpose: string) =>
  new AppError(ErrorCode.SERVICE_UNAVAILABLE, `${purpose} could not be done: the ${service} service did not answer. Nothing was changed; try again.`, {
    service,
  });

/**
 * Reads entities another subgraph owns through its `_entities`, as the caller, and fails closed: no
 * answer (network, timeout, an error other than NOT_FOUND) is SERVICE_UNAVAILABLE naming the purpose;
 * the owner's UNAUTHENTICATED or FORBIDDEN reach the caller unchanged; an entity the owner reports
 * NOT_FOUND comes back as null.
 */
export async function readPeerEntities<T>(
  ctx: Context,
  service: string,
  typename: string,
  ids: string[],
  selection: string,
  purpose: string,
): Promise<(T | null)[]> {
  if (!ctx.token) throw unauthenticated();
  if (ids.length === 0) return [];
  let answer: EntitiesAnswer<T>;
  try {
    answer = await fetchEntities<T>(serviceUrl(service), ctx.token, typename, ids, selection, {
      requestId: ctx.requestId,
      call: { from: ctx.service, to: service, ip: ctx.ip },
    });
  } catch (err) {
    ctx.log.warn({ err, service, typename }, 'peer read failed');
    throw peerUnavailable(service, purpose);
  }
  const codes = answer.errors.map((e) => e.extensions?.code ?? 'NONE');
  const refusal = answer.errors.find((e) => passedOn.has(e.extensions?.code ?? ''));
  if (refusal) throw new AppError(refusal.extensions!.code as ErrorCode, refusal.message);
  if (codes.some((c) => c !== ErrorCode.NOT_FOUND) || !answer.entities) {
    ctx.log.warn({ service, typename, status: answer.status, codes }, 'peer read returned errors');
    throw peerUnavailable(service, purpose);
  }
  return answer.entities;
}
