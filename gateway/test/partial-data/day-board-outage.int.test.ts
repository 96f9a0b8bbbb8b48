import type { GqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';
import { clientWithout, type SubgraphName, servicesNamed } from './outage.ts';

/** The reception day board's document (web/src/features/appointments/live.ts, DAY_APPOINTMENTS with AppointmentFields). */
const DAY_BOARD = `query DayAppointments($from: DateTime!, $to: DateTime!, $facilityId: ID, $providerId: ID) {
  appointments(from: $from, to: $to, facilityId: $facilityId, providerId: $providerId) {
    id startsAt endsAt localDate status reason updatedAt queueToken queuePosition
    type { id name }
    patient { id displayName mrn }
    provider { id displayName }
    facility { id name timezone }
  }
}`;

interface BoardRow {
  id: string;
  status: string;
  localDate: string;
  type: { id: string; name: string };
  patient: { id: string; displayName: string; mrn: string } | null;
  provider: { id: string; displayName: string } | null;
  facility: { id: string; name: string; timezone: string } | null;
}

const WINDOW = { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };
/** What people resolves on each appointment: the rest is scheduling's own. */
const FROM_PEOPLE = ['patient', 'provider', 'facility'] as const;

let stack: TestStack;
let reception: GqlClient;
let billing: GqlClient;
let board: BoardRow[];

beforeAll(async () => {
  stack = await startTestStack();
  reception = await stack.as('receptionist');
  billing = await stack.as('billing');
  ({ appointments: board } = await reception.data<{ appointments: BoardRow[] }>(DAY_BOARD, WINDOW));
});
afterAll(async () => {
  await stack?.stop();
});

/** The day board through a gateway that finds `down` unreachable. */
async function boardWithout(down: SubgraphName) {
  return (await clientWithout(stack, down, reception)).request<{ appointments: BoardRow[] | null }>(DAY_BOARD, WINDOW);
}

describe('the reception day board while one subgraph is down', () => {
  it('has appointments to show when everything is up, each with its patient, provider and facility', () => {
    expect(board.length).toBeGreaterThan(0);
    for (const row of board) for (const field of FROM_PEOPLE) expect(row[field]).not.toBeNull();
  });

  it.each(['care', 'supply', 'finance'] as const)('with %s down: the whole board, and no error (the board needs nothing from it)', async (down) => {
    const result = await boardWithout(down);
    expect(result.status).toBe(200);
    expect(result.errors ?? []).toEqual([]);
    expect(result.data?.appointments).toEqual(board);
  });

  it('with people down: every appointment still shows, with only its patient, provider and facility missing, and errors naming people', async () => {
    const result = await boardWithout('people');
    expect(result.status).toBe(200);
    const rows = result.data?.appointments;
    expect(rows).toHaveLength(board.length);
    const withoutPeople = board.map((row) => ({ ...row, patient: null, provider: null, facility: null }));
    expect(rows).toEqual(withoutPeople);
    expect(result.errors.length).toBeGreaterThan(0);
    expect(servicesNamed(result.errors)).toEqual(['people']);
    expect(result.errors.every((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')).toBe(true);
  });

  it('with scheduling down: no board (scheduling holds it), and one error naming scheduling', async () => {
    const result = await boardWithout('scheduling');
    expect(result.status).toBe(200);
    expect(result.data?.appointments ?? null).toBeNull();
    expect(servicesNamed(result.errors)).toEqual(['scheduling']);
    expect(result.errors[0]).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'scheduling' } });
  });
});

describe("a patient's record while finance is down", () => {
  const RECORD = 'query ($id: ID!) { patient(id: $id) { id displayName invoices { nodes { id } } insurancePolicies { id } } }';

  it('keeps what people holds; only the invoices and policies finance adds are null, with errors naming finance', async () => {
    const id = stack.seed.patientIds[0]!;
    const result = await (await clientWithout(stack, 'finance', billing)).request<{
      patient: { id: string; displayName: string; invoices: unknown; insurancePolicies: unknown } | null;
    }>(RECORD, { id });
    expect(result.data?.patient).toEqual({ id, displayName: 'Maria Garcia', invoices: null, insurancePolicies: null });
    expect(servicesNamed(result.errors)).toEqual(['finance']);
  });
});
