import type { GqlClient } from '@clinigraph/kit/testing';
import type { TestStack } from '../../../gateway/src/testing/stack.ts';
import type { ResultOf } from '../../src/lib/graphql.ts';
import type { Present } from '../../src/lib/unavailable.ts';
import { ask, graphql } from './graphql.ts';

const APPOINTMENT_TYPES = graphql(`
  query AppointmentTypeCodes { appointmentTypes { id code } }
`);

const FIRST_SLOTS = graphql(`
  query FirstFreeSlots($i: SlotSearchInput!) { firstAvailableSlots(input: $i) { startsAt localDate provider { id displayName } } }
`);

export type Slot = Present<ResultOf<typeof FIRST_SLOTS>>['firstAvailableSlots'][number];

/** The type id for an appointment type code (CONSULT, FOLLOWUP, …). */
export async function typeId(client: GqlClient, code: string): Promise<string> {
  const { appointmentTypes } = await ask(client, APPOINTMENT_TYPES);
  return appointmentTypes.find((t) => t.code === code)!.id;
}

/** The first free slot of a provider for a type, from the API itself. */
export async function firstSlot(stack: TestStack, client: GqlClient, type: string, providerId: string): Promise<Slot> {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
  const { firstAvailableSlots } = await ask(client, FIRST_SLOTS, {
    i: { typeId: await typeId(client, type), facilityId: stack.seed.facilityId, providerIds: [providerId], from: today },
  });
  if (!firstAvailableSlots[0]) throw new Error('no free slot in the demo schedule');
  return firstAvailableSlots[0];
}

/** The slot radio's value in the web app's slot picker. */
export const slotValue = (slot: Slot) => `${slot.provider.id}@${slot.startsAt}`;
