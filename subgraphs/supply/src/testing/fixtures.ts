import { randomUUID } from 'node:crypto';
import type { Role } from '@clinigraph/kit';
import { type GqlClient, type GqlResult, startTestSubgraph, type TestSubgraph, tokenFor } from '@clinigraph/kit/testing';
import { schema } from '../schema/index.ts';
import { addDays } from '../services/inputs.ts';

/** A supply subgraph over a fresh database, with one facility's four locations, a supplier and a client per role. */
export interface SupplyFixture {
  sg: TestSubgraph;
  facilityId: string;
  supplierId: string;
  loc: { pharmacy: string; ward: string; lab: string; store: string };
  /** Staff of `facilityId` only, a patient, anonymous, and a network admin who sees every facility (issue 14). */
  as: Record<'admin' | 'pharmacist' | 'nurse' | 'doctor' | 'receptionist' | 'patient', GqlClient> & { anonymous: GqlClient; networkAdmin: GqlClient };
  users: Record<string, string>;
  patientId: string;
  /** Runs SQL straight against the test database (for counting rows, or simulating time passing). */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

const ROLES = ['admin', 'pharmacist', 'nurse', 'doctor', 'receptionist'] as const satisfies readonly Role[];

export const today = () => new Date().toISOString().slice(0, 10);
export const inDays = (days: number) => addDays(today(), days);

export async function startSupply(): Promise<SupplyFixture> {
  const sg = await startTestSubgraph('supply', schema);
  const facilityId = randomUUID();
  const patientId = randomUUID();
  const users: Record<string, string> = {};
  const clients: Partial<SupplyFixture['as']> = { anonymous: sg.client(null) };
  for (const role of ROLES) {
    users[role] = randomUUID();
    clients[role] = sg.client(await tokenFor({ userId: users[role]!, roles: [role], facilityIds: [facilityId] }));
  }
  users.networkAdmin = randomUUID();
  clients.networkAdmin = sg.client(await tokenFor({ userId: users.networkAdmin, roles: ['network_admin'], facilityIds: [facilityId] }));
  users.patient = randomUUID();
  clients.patient = sg.client(await tokenFor({ userId: users.patient, roles: ['patient'], patientId }));
  const as = clients as SupplyFixture['as'];

  const { createSupplier } = await as.admin.data<{ createSupplier: { id: string } }>(
    'mutation($i: CreateSupplierInput!) { createSupplier(input: $i) { id } }',
    { i: { code: 'ACME', name: 'Acme Pharma' } },
  );
  const loc = {} as SupplyFixture['loc'];
  for (const [key, kind] of [
    ['pharmacy', 'PHARMACY'],
    ['ward', 'WARD_CABINET'],
    ['lab', 'LAB'],
    ['store', 'STORE'],
  ] as const) {
    const { createLocation } = await as.admin.data<{ createLocation: { id: string } }>(
      'mutation($i: CreateLocationInput!) { createLocation(input: $i) { id } }',
      {
        i: { facilityId, code: key.toUpperCase(), name: key, kind },
      },
    );
    loc[key] = createLocation.id;
  }
  return {
    sg,
    facilityId,
    supplierId: createSupplier.id,
    loc,
    as,
    users,
    patientId,
    sql: (text, params) => sg.database.query(text, params),
    close: () => sg.close(),
  };
}

export interface ItemOptions {
  kind?: 'MEDICINE' | 'CONSUMABLE' | 'EQUIPMENT' | 'REAGENT';
  reorderLevel?: number;
  reorderQuantity?: number;
  preferredSupplierId?: string | null;
}

let skuCounter = 0;

export async function createItem(f: SupplyFixture, options: ItemOptions = {}): Promise<string> {
  const kind = options.kind ?? 'MEDICINE';
  const sku = `SKU-${++skuCounter}-${randomUUID().slice(0, 6)}`;
  const { createItem } = await f.as.pharmacist.data<{ createItem: { id: string } }>('mutation($i: CreateItemInput!) { createItem(input: $i) { id } }', {
    i: {
      sku,
      name: `Item ${sku}`,
      kind,
      unit: 'tablet',
      genericName: kind === 'MEDICINE' ? 'testamol' : null,
      reorderLevel: options.reorderLevel ?? 0,
      reorderQuantity: options.reorderQuantity ?? 0,
      preferredSupplierId: options.preferredSupplierId ?? null,
    },
  });
  return createItem.id;
}

const RECEIVE = 'mutation($i: ReceiveStockInput!) { receiveStock(input: $i) { operationId movements { id quantity lot { id } } } }';

/** Receives stock directly (no purchase order) and returns the lot id; by the pharmacist unless another client (of that location's facility) is given. */
export async function receive(
  f: SupplyFixture,
  itemId: string,
  locationId: string,
  lotNumber: string,
  quantity: number,
  expiresOn: string | null = inDays(365),
  by: GqlClient = f.as.pharmacist,
): Promise<string> {
  const { receiveStock } = await by.data<{ receiveStock: { movements: { lot: { id: string } }[] } }>(RECEIVE, {
    i: { itemId, locationId, lotNumber, quantity, expiresOn, reference: 'DN-1' },
  });
  return receiveStock.movements[0]!.lot.id;
}

export const ISSUE = `mutation($i: IssueStockInput!) {
  issueStock(input: $i) { operationId lines { quantity allocations { quantity lotNumber lot { id } } } movements { id kind quantity } }
}`;

/**
 * Takes stock off the shelf to a patient: a direct issue, which picks FEFO, locks, writes the ledger
 * and emits stock.dispensed exactly as a dispense does, but has no prescription to read from care
 * (dispensing a prescription is tested with care beside supply, in gateway/test/supply-dispense).
 */
export function issueToPatient(
  client: GqlClient,
  locationId: string,
  lines: { itemId: string; quantity: number }[],
  patientId: string = randomUUID(),
): Promise<GqlResult> {
  return client.request(ISSUE, { i: { locationId, patientId, lines } });
}

/** Row counts (and the sum of balances) that any failed operation must leave unchanged. */
export async function snapshot(f: SupplyFixture): Promise<Record<string, number>> {
  const [row] = await f.sql<Record<string, string>>(`select
      (select count(*) from supply.stock_movement) as movements,
      (select count(*) from supply.stock_balance) as balances,
      (select coalesce(sum(quantity), 0) from supply.stock_balance) as units,
      (select count(*) from supply.lot) as lots,
      (select count(*) from supply.stock_level) as levels,
      (select coalesce(sum(on_hand), 0) from supply.stock_level) as on_hand,
      (select count(*) from supply.purchase_order_line where quantity_received > 0) as received_lines,
      (select count(*) from events.log) as events,
      (select count(*) from audit.event) as audits`);
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
}

/** Events of one topic, oldest first. */
export async function eventsOf(
  f: SupplyFixture,
  topic: string,
): Promise<{ id: string; entity_id: string; facility_id: string | null; patient_id: string | null; payload: any }[]> {
  return f.sql(`select l.id::text as id, entity_id, facility_id, patient_id, payload from events.log l where topic = $1 order by l.id`, [topic]);
}

export async function balanceOf(f: SupplyFixture, itemId: string, locationId?: string): Promise<number> {
  const [row] = await f.sql<{ q: string }>(
    `select coalesce(sum(quantity), 0) as q from supply.stock_balance where item_id = $1 ${locationId ? 'and location_id = $2' : ''}`,
    locationId ? [itemId, locationId] : [itemId],
  );
  return Number(row?.q ?? 0);
}

export const RECONCILE = '{ stockReconciliation { ok movementCount ledgerTotal balanceTotal balanceMismatches { lotId } levelMismatches { itemId } } }';

export async function reconciliation(f: SupplyFixture): Promise<{ ok: boolean; movementCount: number; ledgerTotal: number; balanceTotal: number }> {
  const { stockReconciliation } = await f.as.pharmacist.data<{
    stockReconciliation: { ok: boolean; movementCount: number; ledgerTotal: number; balanceTotal: number };
  }>(RECONCILE);
  return stockReconciliation;
}
