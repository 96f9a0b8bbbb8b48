import type { GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { collect, liveConnections } from '../scheduling-live/live-client.ts';
import { bookSoon, move } from '../visit-completion/fixtures.ts';
import { cursorNow } from './clinic.ts';

/**
 * A doctor's "Waiting for you" list follows care's encounter.changed live through the gateway's own
 * /graphql socket: reception checks a patient in, care's consumer opens the encounter, and the doctor
 * the appointment is with receives it; another doctor does not, and patients may not subscribe.
 */
let stack: TestStack;
let reception: GqlClient;
let okafor: GqlClient;
const connect = liveConnections(() => stack.gateway.url);

beforeAll(async () => {
  stack = await startTestStack();
  reception = await stack.as('receptionist');
  okafor = await stack.as('doctor');
});
afterAll(() => stack?.stop());

const ENCOUNTERS = `subscription($after: String) {
  encounterChanged(after: $after) { cursor status previousStatus encounter { id status openedAt chiefComplaint patient { id displayName } provider { id } } }
}`;
const EVENT = 'query($id: ID!) { encounterEvent(id: $id) { encounter { id } } }';
type Changed = {
  encounterChanged: {
    cursor: string;
    status: string;
    previousStatus: string | null;
    encounter: { id: string; status: string; chiefComplaint: string | null; patient: { id: string; displayName: string }; provider: { id: string } };
  };
};

/** Books Dr. Okafor for the patient and checks the appointment in; care's consumers have run once this returns. */
async function checkIn(patientId: string, reason: string | null = null): Promise<string> {
  const appointmentId = await bookSoon(stack, reception, patientId, undefined, reason);
  await move(reception, 'checkInAppointment', appointmentId);
  await stack.consumers.drain();
  return appointmentId;
}

describe('the waiting list, live', () => {
  it('delivers the encounter a check-in opens, with the reason given at booking as its chief complaint, to the doctor it is with and to no other doctor', async () => {
    const weber = await stack.as({ email: 'dr.weber@clinigraph.local' });
    const after = await cursorNow(stack);
    const toOkafor = collect<Changed>(connect(okafor), ENCOUNTERS, { after });
    const toWeber = collect<Changed>(connect(weber), ENCOUNTERS, { after });
    const maria = stack.seed.patientIds[0]!;
    await checkIn(maria, 'Cough and fever');
    await toOkafor.waitFor(1);
    await toOkafor.settle();
    expect(toOkafor.results).toEqual([
      {
        data: {
          encounterChanged: {
            cursor: expect.any(String),
            status: 'OPEN',
            previousStatus: null,
            encounter: {
              id: expect.any(String),
              status: 'OPEN',
              openedAt: expect.any(String),
              chiefComplaint: 'Cough and fever',
              patient: { id: maria, displayName: 'Maria Garcia' },
              provider: { id: stack.seed.providerIds[0] },
            },
          },
        },
      },
    ]);
    expect(toWeber.results).toEqual([]);
    expect(toWeber.failures).toEqual([]);
    const asked = await weber.request(EVENT, { id: toOkafor.results[0]!.data!.encounterChanged.cursor });
    expect(asked.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });

  it('refuses patients and staff outside clinical care', async () => {
    for (const who of [await stack.as({ email: 'maria@example.com' }), await stack.as('receptionist'), await stack.as('pharmacist')]) {
      const live = collect(connect(who), ENCOUNTERS, {});
      await live.settle(400);
      expect(live.results).toEqual([]);
      expect(JSON.stringify(live.failures)).toContain('FORBIDDEN');
    }
  });
});
