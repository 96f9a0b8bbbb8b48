import { randomBytes, randomUUID } from 'node:crypto';
import { type EventInput, emitEvent, type RunningConsumers, startEventConsumers, Topics } from '@clinigraph/kit';
import { type GqlClient, startTestSubgraph, type TestSubgraph, tokenFor } from '@clinigraph/kit/testing';
import { deliverToFinance } from './payments/deliver.ts';
import { usePaymentProvider } from './payments/registry.ts';
import { TestPaymentProvider } from './payments/test-provider.ts';
import { schema } from './schema/index.ts';
import { financeConsumers } from './services/consumers.ts';

/** Test-only helpers: a finance subgraph on its own database, signed-in clients and contract events. */
export interface FinanceTest {
  sub: TestSubgraph;
  ids: { facility: string; provider: string; otherProvider: string; patientA: string; patientB: string };
  billing: GqlClient;
  admin: GqlClient;
  doctor: GqlClient;
  patientA: GqlClient;
  patientB: GqlClient;
  anonymous: GqlClient;
  /** The test payment provider's webhooks: every delivery is kept; with `hold` set they are kept but not sent. */
  webhooks: { secret: string; delivered: { payload: string; signature: string }[]; hold: boolean };
  /** Appends a contract event, as another subgraph would, in its own transaction. */
  emit(event: EventInput): Promise<bigint>;
  /** Runs finance's consumers until they have caught up. */
  drain(): Promise<void>;
  count(sqlText: string, params?: unknown[]): Promise<number>;
  close(): Promise<void>;
}

export async function startFinanceTest(): Promise<FinanceTest> {
  const sub = await startTestSubgraph('finance', schema);
  const ids = { facility: randomUUID(), provider: randomUUID(), otherProvider: randomUUID(), patientA: randomUUID(), patientB: randomUUID() };
  const client = async (roles: Parameters<typeof tokenFor>[0]['roles'], patientId: string | null = null) =>
    sub.client(await tokenFor({ userId: randomUUID(), roles, patientId, facilityIds: [ids.facility] }));
  let consumers: RunningConsumers | null = null;
  const webhooks: FinanceTest['webhooks'] = { secret: randomBytes(16).toString('hex'), delivered: [], hold: false };
  usePaymentProvider(
    new TestPaymentProvider({
      secret: webhooks.secret,
      deliver: async (payload, signature) => {
        webhooks.delivered.push({ payload, signature });
        if (!webhooks.hold) await deliverToFinance(payload, signature);
      },
    }),
  );
  return {
    sub,
    ids,
    billing: await client(['billing']),
    admin: await client(['admin']),
    doctor: await client(['doctor']),
    patientA: await client(['patient'], ids.patientA),
    patientB: await client(['patient'], ids.patientB),
    anonymous: sub.client(null),
    webhooks,
    emit: (event) => sub.database.db.transaction((tx) => emitEvent(tx, event)),
    drain: async () => {
      consumers ??= await startEventConsumers('finance', sub.database, financeConsumers, { pollMs: 60_000 });
      await consumers.drain();
    },
    count: async (sqlText, params = []) => {
      const [row] = await sub.database.query<{ n: string | number }>(sqlText, params);
      return Number(row?.n ?? 0);
    },
    close: async () => {
      await consumers?.stop();
      await sub.close();
    },
  };
}

export const appointmentCompleted = (f: FinanceTest, o: { appointmentId?: string; patientId?: string; providerId?: string; startsAt: string }): EventInput => ({
  topic: Topics.appointmentCompleted,
  entityType: 'Appointment',
  entityId: o.appointmentId ?? randomUUID(),
  facilityId: f.ids.facility,
  patientId: o.patientId ?? f.ids.patientA,
  providerId: o.providerId ?? f.ids.provider,
  payload: { status: 'completed', previousStatus: 'in_progress', appointmentTypeId: randomUUID(), startsAt: o.startsAt, endsAt: o.startsAt },
});

export const PRICE = `mutation Price($input: PriceListEntryInput!) { createPriceListEntry(input: $input) { id code amountMinor } }`;
export const CHARGE = `mutation Charge($input: ChargeInput!) { createCharge(input: $input) { id status unitPriceMinor currency } }`;
export const INVOICE_FIELDS = `id number status currency subtotalMinor discountMinor taxMinor totalMinor creditedMinor paidMinor balanceMinor
  insuranceShareMinor patientShareMinor patientBalanceMinor locked
  lines { id position code quantity unitPriceMinor grossMinor discountBasisPoints discountMinor taxRateBasisPoints taxMinor totalMinor creditedMinor }`;
export const DRAFT = `mutation Draft($input: DraftInvoiceInput!) { createDraftInvoice(input: $input) { ${INVOICE_FIELDS} } }`;
export const ISSUE = `mutation Issue($id: ID!) { issueInvoice(id: $id) { ${INVOICE_FIELDS} } }`;
export const READ_INVOICE = `query Invoice($id: ID!) { invoice(id: $id) { ${INVOICE_FIELDS} } }`;
export const PAY = `mutation Pay($input: PaymentInput!) { recordPayment(input: $input) { id number method tenderedMinor appliedMinor creditMinor invoice { id status balanceMinor paidMinor } } }`;

export interface InvoiceShape {
  id: string;
  number: string;
  status: string;
  currency: string;
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  creditedMinor: number;
  paidMinor: number;
  balanceMinor: number;
  insuranceShareMinor: number;
  patientShareMinor: number;
  patientBalanceMinor: number;
  locked: boolean;
  lines: {
    id: string;
    position: number;
    code: string;
    quantity: number;
    unitPriceMinor: number;
    grossMinor: number;
    discountBasisPoints: number;
    discountMinor: number;
    taxRateBasisPoints: number;
    taxMinor: number;
    totalMinor: number;
    creditedMinor: number;
  }[];
}

/** A manual charge for a patient at a stated price. */
export async function charge(
  f: FinanceTest,
  o: { patientId?: string; unitPriceMinor: number; quantity?: number; taxRateBasisPoints?: number; currency?: string; code?: string; encounterId?: string },
): Promise<string> {
  const { createCharge } = await f.billing.data<{ createCharge: { id: string } }>(CHARGE, {
    input: {
      patientId: o.patientId ?? f.ids.patientA,
      facilityId: f.ids.facility,
      providerId: f.ids.provider,
      encounterId: o.encounterId ?? null,
      serviceType: 'PROCEDURE',
      code: o.code ?? 'PROC',
      description: 'A procedure',
      unitPriceMinor: o.unitPriceMinor,
      currency: o.currency ?? 'USD',
      taxRateBasisPoints: o.taxRateBasisPoints ?? 0,
      quantity: o.quantity ?? 1,
      serviceDate: '2026-11-20',
    },
  });
  return createCharge.id;
}

/** Charges, drafts and issues an invoice for exactly these charges. */
export async function issuedInvoice(f: FinanceTest, charges: Parameters<typeof charge>[1][], patientId = f.ids.patientA): Promise<InvoiceShape> {
  const chargeIds: string[] = [];
  for (const c of charges) chargeIds.push(await charge(f, { ...c, patientId }));
  const { createDraftInvoice } = await f.billing.data<{ createDraftInvoice: InvoiceShape }>(DRAFT, { input: { patientId, chargeIds } });
  const { issueInvoice } = await f.billing.data<{ issueInvoice: InvoiceShape }>(ISSUE, { id: createDraftInvoice.id });
  return issueInvoice;
}

export const pay = (f: FinanceTest, invoiceId: string, amountMinor: number, method = 'CASH', extra: Record<string, unknown> = {}) =>
  f.billing.request<{
    recordPayment: {
      id: string;
      tenderedMinor: number;
      appliedMinor: number;
      creditMinor: number;
      invoice: { status: string; balanceMinor: number; paidMinor: number };
    };
  }>(PAY, { input: { invoiceId, method, amountMinor, currency: 'USD', reference: method === 'CASH' ? null : `ref-${randomUUID().slice(0, 8)}`, ...extra } });

/** Reads CSV with a header row into objects (quoted fields with commas, quotes and newlines included). */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  const [header = [], ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}
