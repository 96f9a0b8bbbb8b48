/**
 * Scheduling benchmark: `npx tsx bench/scheduling.ts` (PGlite) or with DATABASE_URL=postgres://… (a
 * fresh database is created and dropped on that server). Everything goes through the gateway over
 * HTTP or graphql-ws, as a client sees it. Prints:
 *   1. slot-search latency (p50, p99) for 100 providers × 60 days of generated schedules and bookings;
 *   2. booking throughput and latency under contention (32 clients, 1,000 attempts at 720 slots), and a zero-overlap check;
 *   3. subscription fan-out latency from commit to 1,000 subscribed clients.
 * Sizes can be lowered: `npx tsx bench/scheduling.ts --subscribers 200 --bookings 300 --searches 50`.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

process.env.LOG_LEVEL ??= 'silent';

const { tokenFor, createTestDatabase, gqlClient } = await import('@clinigraph/kit/testing');
const { addDays, localDate, localInstant } = await import('@clinigraph/scheduling/domain/time');
const { startStack } = await import('../gateway/src/main/stack.ts');
const { createClient } = await import('graphql-ws');
const { default: WebSocket } = await import('ws');

const PROVIDERS = 100;
const DAYS = 60;
const { values: sizes } = parseArgs({ options: { searches: { type: 'string' }, bookings: { type: 'string' }, subscribers: { type: 'string' } } });
const SEARCHES = Number(sizes.searches ?? 200);
const BOOKING_ATTEMPTS = Number(sizes.bookings ?? 1000);
const BOOKING_CLIENTS = 32;
const SUBSCRIBERS = Number(sizes.subscribers ?? 1000);
const FANOUT_EVENTS = 5;
const NY = 'America/New_York';

/** A Postgres array literal: both drivers take it as text for a uuid[] or timestamptz[] parameter. */
const pgArray = (values: string[]) => `{${values.join(',')}}`;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `p50 ${pct(s, 50).toFixed(1)} ms · p99 ${pct(s, 99).toFixed(1)} ms · max ${s.at(-1)?.toFixed(1)} ms (n=${s.length})`;
};
const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const out = await fn();
  return [out, performance.now() - t];
};

const started = performance.now();
const testDb = await createTestDatabase();
process.once('uncaughtException', async (err) => {
  console.error(err);
  await testDb.drop();
  process.exit(1);
});
const database = testDb.database;
const engine = database.kind === 'pglite' ? 'PGlite (embedded, one process)' : 'PostgreSQL';
// No job timers: the benchmark measures requests alone, as before jobs moved into the stack.
const stack = await startStack(database, { migrate: false, jobs: 'manual', gateway: { rateLimits: { perIp: 1e9, perUser: 1e9, auth: 1e9 } } });
const graphqlUrl = `${stack.gateway.url}/graphql`;
const staffToken = await tokenFor({ userId: randomUUID(), roles: ['receptionist'] });
const staff = gqlClient(graphqlUrl, staffToken);
const adminClient = gqlClient(graphqlUrl, await tokenFor({ userId: randomUUID(), roles: ['admin'] }));

// ---- generated data: 100 providers, weekday sessions 08:00–17:00 with a lunch break, 20-minute slots.
const facilityId = randomUUID();
const providerIds = Array.from({ length: PROVIDERS }, () => randomUUID());
const { createAppointmentType } = await adminClient.data<{ createAppointmentType: { id: string } }>(
  `mutation T($input: CreateAppointmentTypeInput!) { createAppointmentType(input: $input) { id } }`,
  { input: { code: 'BENCH', name: 'Bench visit', durationMinutes: 20, bufferAfterMinutes: 0, providerIds } },
);
const typeId = createAppointmentType.id;
const rules = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  startTime: '08:00',
  endTime: '17:00',
  slotMinutes: 20,
  breaks: [{ start: '12:00', end: '13:00' }],
}));
for (const providerId of providerIds) {
  await adminClient.data(`mutation S($input: CreateScheduleInput!) { createSchedule(input: $input) { id } }`, {
    input: { providerId, facilityId, timezone: NY, specialty: 'General Practice', effectiveFrom: '2026-01-01', rules },
  });
}
const from = addDays(localDate(Date.now(), NY), 1);
const to = addDays(from, DAYS - 1);
// About a third of every provider's slots booked, written straight to the table in bulk.
const starts: string[] = [];
const ends: string[] = [];
const owners: string[] = [];
for (const providerId of providerIds) {
  for (let d = 0; d < DAYS; d++) {
    const day = addDays(from, d);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (let m = 8 * 60; m < 17 * 60; m += 20) {
      if ((m >= 12 * 60 && m < 13 * 60) || Math.random() > 0.33) continue;
      const at = localInstant(day, m, NY);
      owners.push(providerId);
      starts.push(new Date(at).toISOString());
      ends.push(new Date(at + 20 * 60_000).toISOString());
    }
  }
}
for (let i = 0; i < starts.length; i += 5000) {
  await database.query(
    `insert into scheduling.appointment (facility_id, provider_id, patient_id, type_id, starts_at, ends_at)
     select $1, p, gen_random_uuid(), $2, s, e from unnest($3::uuid[], $4::timestamptz[], $5::timestamptz[]) as t(p, s, e)`,
    [facilityId, typeId, pgArray(owners.slice(i, i + 5000)), pgArray(starts.slice(i, i + 5000)), pgArray(ends.slice(i, i + 5000))],
  );
}
// The bulk insert idles the HTTP connections past the server's keep-alive; the first call may meet a closed socket.
for (let attempt = 0; attempt < 3; attempt++) {
  const ok = await staff.request('{ __typename }').then(
    () => true,
    () => false,
  );
  if (ok) break;
}
const setupSeconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`Clinigraph scheduling benchmark on ${engine}, Node ${process.version}`);
console.log(`setup: ${PROVIDERS} providers × ${DAYS} days, ${starts.length} existing bookings, ready in ${setupSeconds} s\n`);

// ---- 1. slot search
const SLOTS = `query S($input: SlotSearchInput!, $first: Int) { slots(input: $input, first: $first) { edges { node { startsAt provider { id } } } pageInfo { hasNextPage } } }`;
const FIRST = `query F($input: SlotSearchInput!) { firstAvailableSlots(input: $input) { startsAt provider { id } } }`;
const searchInput = { typeId, facilityId, from, to };
await staff.data(SLOTS, { input: searchInput, first: 20 });
const pageTimes: number[] = [];
for (let i = 0; i < SEARCHES; i++) pageTimes.push((await time(() => staff.data(SLOTS, { input: searchInput, first: 20 })))[1]);
const oneProvider: number[] = [];
for (let i = 0; i < SEARCHES; i++) {
  const input = { ...searchInput, providerIds: [providerIds[i % PROVIDERS]] };
  oneProvider.push((await time(() => staff.data(SLOTS, { input, first: 50 })))[1]);
}
const firstTimes: number[] = [];
let firsts = 0;
for (let i = 0; i < Math.max(10, SEARCHES / 4); i++) {
  const [res, ms] = await time(() => staff.data<{ firstAvailableSlots: unknown[] }>(FIRST, { input: searchInput }));
  firsts = res.firstAvailableSlots.length;
  firstTimes.push(ms);
}
console.log('1. slot search through the gateway (100 providers × 60 days, ~1/3 booked)');
console.log(`   first page of 20 across all providers:      ${summary(pageTimes)}`);
console.log(`   first page of 50 for one provider:          ${summary(oneProvider)}`);
console.log(`   first available for each of ${firsts} providers: ${summary(firstTimes)}\n`);

// ---- 2. booking under contention: 32 clients, 3,000 attempts at 10 providers' next 3 weekdays.
const hot = providerIds.slice(0, 10);
const hotSlots: { providerId: string; startsAt: string }[] = [];
const hotDays: string[] = [];
for (let d = DAYS + 1; hotDays.length < 3; d++) {
  const day = addDays(from, d);
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  if (weekday !== 0 && weekday !== 6) hotDays.push(day);
}
for (const providerId of hot)
  for (const day of hotDays)
    for (let m = 8 * 60; m < 17 * 60; m += 20)
      if (m < 12 * 60 || m >= 13 * 60) hotSlots.push({ providerId, startsAt: new Date(localInstant(day, m, NY)).toISOString() });
const BOOK = `mutation B($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }`;
const attempts: number[] = [];
let booked = 0;
let taken = 0;
let other = 0;
let next = 0;
const bookingStart = performance.now();
await Promise.all(
  Array.from({ length: BOOKING_CLIENTS }, async () => {
    while (next < BOOKING_ATTEMPTS) {
      next++;
      const slot = hotSlots[Math.floor(Math.random() * hotSlots.length)]!;
      const [res, ms] = await time(() =>
        staff.request(BOOK, { input: { patientId: randomUUID(), providerId: slot.providerId, facilityId, typeId, startsAt: slot.startsAt } }),
      );
      attempts.push(ms);
      if (!res.errors.length) booked++;
      else if (res.errors[0]?.extensions?.code === 'SLOT_TAKEN') taken++;
      else other++;
    }
  }),
);
const bookingSeconds = (performance.now() - bookingStart) / 1000;
const [overlaps] = await database.query<{ n: string }>(
  `select count(*)::text as n from scheduling.appointment a join scheduling.appointment b
     on a.provider_id = b.provider_id and a.id < b.id and a.status not in ('cancelled','no_show') and b.status not in ('cancelled','no_show')
    and scheduling.busy_range(a.starts_at, a.ends_at, a.buffer_before_minutes, a.buffer_after_minutes) && scheduling.busy_range(b.starts_at, b.ends_at, b.buffer_before_minutes, b.buffer_after_minutes)
   where a.provider_id = any($1::uuid[])`,
  [pgArray(hot)],
);
console.log(`2. booking under contention: ${BOOKING_CLIENTS} concurrent clients, ${BOOKING_ATTEMPTS} attempts at ${hotSlots.length} slots`);
console.log(
  `   ${(BOOKING_ATTEMPTS / bookingSeconds).toFixed(0)} attempts/s, ${(booked / bookingSeconds).toFixed(0)} bookings/s over ${bookingSeconds.toFixed(1)} s`,
);
console.log(`   outcomes: ${booked} booked, ${taken} SLOT_TAKEN, ${other} other errors; overlapping pairs in the table: ${overlaps?.n}`);
console.log(`   attempt latency: ${summary(attempts)}\n`);

// ---- 3. fan-out: 1,000 clients, each its own connection and token, subscribed to the facility.
const wsUrl = `${stack.gateway.url.replace(/^http/, 'ws')}/graphql`;
const [cursorRow] = await database.query<{ id: string }>(`select coalesce(max(id), 0)::text as id from events.log`);
const received = new Map<string, number[]>();
const clients = [];
const SUB = `subscription($f: ID, $after: String) { appointmentChanged(facilityId: $f, after: $after) { cursor kind appointment { id status startsAt } } }`;
for (let i = 0; i < SUBSCRIBERS; i++) {
  const token = await tokenFor({ userId: randomUUID(), roles: ['receptionist'] });
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  clients.push(client);
  client.subscribe<{ appointmentChanged: { appointment: { id: string } } }>(
    { query: SUB, variables: { f: facilityId, after: cursorRow!.id } },
    {
      next: (r) => {
        const id = r.data?.appointmentChanged.appointment.id;
        if (!id) return;
        const list = received.get(id) ?? [];
        list.push(performance.now());
        received.set(id, list);
      },
      error: () => {},
      complete: () => {},
    },
  );
}
await new Promise((r) => setTimeout(r, 2000));
const fanout: number[] = [];
const toLast: number[] = [];
const fanoutDay = addDays(from, DAYS + 10);
for (let e = 0; e < FANOUT_EVENTS; e++) {
  const startsAt = new Date(localInstant(fanoutDay, 8 * 60 + e * 20, NY)).toISOString();
  const input = { patientId: randomUUID(), providerId: providerIds[50], facilityId, typeId, startsAt, allowOutsideSchedule: true };
  const { bookAppointment } = await staff.data<{ bookAppointment: { id: string } }>(BOOK, { input });
  const committed = performance.now();
  const deadline = committed + 60_000;
  const arrivals = () => received.get(bookAppointment.id) ?? [];
  while (arrivals().length < SUBSCRIBERS && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  fanout.push(...arrivals().map((t) => t - committed));
  toLast.push(Math.max(...arrivals()) - committed);
}
const delivered = [...received.values()].reduce((n, r) => n + r.length, 0);
console.log(`3. subscription fan-out: ${SUBSCRIBERS} graphql-ws clients (own connection and token each), ${FANOUT_EVENTS} bookings`);
console.log(`   delivered ${delivered} of ${SUBSCRIBERS * FANOUT_EVENTS} payloads (each resolved through the gateway as the subscriber)`);
console.log(`   commit → client: ${summary(fanout)}`);
console.log(`   commit → last of ${SUBSCRIBERS} clients, per event: ${toLast.map((t) => `${t.toFixed(0)} ms`).join(', ')}`);

await Promise.all(clients.map((c) => c.dispose()));
await stack.close();
await testDb.drop();
console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(0);
