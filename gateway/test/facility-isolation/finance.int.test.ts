import { codeOf, type GqlClient, type GqlResult, gqlClient } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SecondFacility, secondFacility } from '../../src/testing/second-facility.ts';
import { startTestStack, type TestStack } from '../../src/testing/stack.ts';

/**
 * Facility scoping in finance (issue 14). Hillside (B) bills its own patient: billing settings and a
 * price at B, charges, an issued invoice with a claim, a submission and a payment, a draft invoice, a
 * deposit and an insurance policy, all made by B's billing clerk. The demo billing clerk of Riverside (A)
 * must find none of it by any path: by id, in lists and reports, in statements and credit, through
 * `_entities` of finance's Invoice and Payment (and the Patient fields finance adds), or by acting on it
 * (NOT_FOUND, nothing written), nor price or bill at B. B's clerk sees their own; the network admin sees both.
 */
let stack: TestStack;
let b: SecondFacility;
let aBilling: GqlClient;
let bBilling: GqlClient;
let admin: GqlClient;
let facilityA: string;
let priceB: string;
let pendingChargeB: string;
let invoiceB: string;
let draftB: string;
let draftLineB: string;
let policyB: string;
let claimB: string;
let submissionB: string;
let paymentB: string;
let depositB: string;

const MISSING = '00000000-0000-4000-8000-000000000000';
const TODAY = new Date().toISOString().slice(0, 10);

const sql = <T>(text: string, params: unknown[] = []) => stack.db.database.query<T>(text, params);
/** Every row of B's money, as it stands: an act that changed or wrote anything changes this. */
const stateOfB = () =>
  sql(
    `select
      (select json_agg(i order by i.id) from finance.invoice i where i.patient_id = $1) as invoices,
      (select json_agg(l order by l.id) from finance.invoice_line l join finance.invoice i on i.id = l.invoice_id where i.patient_id = $1) as lines,
      (select json_agg(c order by c.id) from finance.charge c where c.patient_id = $1) as charges,
      (select json_agg(p order by p.id) from finance.payment p where p.patient_id = $1) as payments,
      (select count(*) from finance.refund r where r.patient_id = $1) as refunds,
      (select count(*) from finance.credit_note n where n.patient_id = $1) as credit_notes,
      (select json_agg(c order by c.id) from finance.claim c where c.patient_id = $1) as claims,
      (select count(*) from finance.claim_submission) as submissions,
      (select json_agg(p order by p.id) from finance.insurance_policy p where p.patient_id = $1) as policies,
      (select json_agg(e order by e.id) from finance.price_list_entry e where e.facility_id = $2) as prices,
      (select json_agg(f) from finance.billing_facility f where f.facility_id = $2) as settings`,
    [b.patientId, b.facilityId],
  );

async function asB<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  return bBilling.data<T>(query, variables);
}

beforeAll(async () => {
  stack = await startTestStack();
  b = await secondFacility(stack);
  facilityA = stack.seed.facilityId;
  bBilling = b.staff.billing;
  [aBilling, admin] = await Promise.all([stack.as('billing'), stack.as('admin')]);

  await asB('mutation($f: ID!) { setBillingFacility(facilityId: $f, timeZone: "America/New_York", currency: "USD", taxNumber: "HIL-1") { facility { id } } }', {
    f: b.facilityId,
  });
  priceB = (
    await asB<{ createPriceListEntry: { id: string } }>('mutation($i: PriceListEntryInput!) { createPriceListEntry(input: $i) { id } }', {
      i: {
        facilityId: b.facilityId,
        serviceType: 'PROCEDURE',
        code: 'HIL-XR',
        description: 'Hillside X-ray',
        amountMinor: 9000,
        currency: 'USD',
        effectiveFrom: '2026-01-01',
      },
    })
  ).createPriceListEntry.id;
  const charge = async () =>
    (
      await asB<{ createCharge: { id: string } }>('mutation($i: ChargeInput!) { createCharge(input: $i) { id } }', {
        i: { patientId: b.patientId, facilityId: b.facilityId, priceListEntryId: priceB, quantity: 1, serviceDate: TODAY },
      })
    ).createCharge.id;
  const issuedCharge = await charge();
  const DRAFT = 'mutation($i: DraftInvoiceInput!) { createDraftInvoice(input: $i) { id lines { id } } }';
  invoiceB = (await asB<{ createDraftInvoice: { id: string } }>(DRAFT, { i: { patientId: b.patientId, chargeIds: [issuedCharge] } })).createDraftInvoice.id;
  await asB('mutation($id: ID!) { issueInvoice(id: $id) { id } }', { id: invoiceB });
  const draft = (
    await asB<{ createDraftInvoice: { id: string; lines: { id: string }[] } }>(DRAFT, { i: { patientId: b.patientId, chargeIds: [await charge()] } })
  ).createDraftInvoice;
  draftB = draft.id;
  draftLineB = draft.lines[0]!.id;
  pendingChargeB = await charge();

  policyB = (
    await asB<{ createInsurancePolicy: { id: string } }>('mutation($i: InsurancePolicyInput!) { createInsurancePolicy(input: $i) { id } }', {
      i: { patientId: b.patientId, payer: 'Hill Mutual', memberId: 'HM-1', coverageBasisPoints: 5000, currency: 'USD', validFrom: '2026-01-01' },
    })
  ).createInsurancePolicy.id;
  claimB = (
    await asB<{ createClaim: { id: string } }>('mutation($i: ID!, $p: ID!) { createClaim(invoiceId: $i, policyId: $p) { id } }', { i: invoiceB, p: policyB })
  ).createClaim.id;
  submissionB = (await asB<{ submitClaims: { id: string } }>('mutation($c: [ID!]!) { submitClaims(claimIds: $c) { id } }', { c: [claimB] })).submitClaims.id;
  const PAY = 'mutation($i: PaymentInput!) { recordPayment(input: $i) { id } }';
  paymentB = (await asB<{ recordPayment: { id: string } }>(PAY, { i: { invoiceId: invoiceB, method: 'CASH', amountMinor: 1000, currency: 'USD' } }))
    .recordPayment.id;
  depositB = (await asB<{ recordPayment: { id: string } }>(PAY, { i: { patientId: b.patientId, method: 'CASH', amountMinor: 2500, currency: 'USD' } }))
    .recordPayment.id;
});
afterAll(() => stack?.stop());

const codes = (r: GqlResult<unknown>) => r.errors.map((e) => e.extensions?.code);

describe("A's billing clerk finds nothing of B's money", () => {
  it('by id: NOT_FOUND, exactly as for a missing record', async () => {
    for (const [query, id] of [
      ['query($id: ID!) { invoice(id: $id) { id } }', invoiceB],
      ['query($id: ID!) { invoice(id: $id) { id } }', draftB],
      ['query($id: ID!) { payment(id: $id) { id } }', paymentB],
      ['query($id: ID!) { payment(id: $id) { id } }', depositB],
      ['query($id: ID!) { claimSubmission(id: $id) { id csv } }', submissionB],
    ] as const) {
      const theirs = await aBilling.request(query, { id });
      const missing = await aBilling.request(query, { id: MISSING });
      expect(codeOf(theirs), query).toBe('NOT_FOUND');
      expect(theirs.errors.map((e) => e.message)).toEqual(missing.errors.map((e) => e.message));
      expect(theirs.data).toEqual(missing.data);
    }
    // The invoice and receipt PDFs come only through the same reads.
    expect(codeOf(await aBilling.request('query($id: ID!) { invoice(id: $id) { pdfBase64 } }', { id: invoiceB }))).toBe('NOT_FOUND');
    expect(codeOf(await aBilling.request('query($id: ID!) { payment(id: $id) { receiptPdfBase64 } }', { id: paymentB }))).toBe('NOT_FOUND');
  });

  it('in lists, searches and worklists: absent rows', async () => {
    const { invoices, charges, claims, priceList } = await aBilling.data<{
      invoices: { nodes: { id: string }[] };
      charges: { nodes: { id: string; facility: { id: string } | null }[] };
      claims: { id: string }[];
      priceList: { id: string; facility: { id: string } }[];
    }>('{ invoices(first: 100) { nodes { id } } charges(first: 100) { nodes { id facility { id } } } claims { id } priceList { id facility { id } } }');
    expect(invoices.nodes.map((i) => i.id)).not.toContain(invoiceB);
    expect(charges.nodes.filter((c) => c.facility?.id !== facilityA)).toEqual([]);
    expect(claims.map((c) => c.id)).not.toContain(claimB);
    expect(priceList.filter((p) => p.facility.id !== facilityA)).toEqual([]);
    const forPatient = await aBilling.data<{ invoices: { nodes: unknown[] }; charges: { nodes: unknown[] }; insurancePolicies: unknown[] }>(
      'query($p: ID!) { invoices(patientId: $p) { nodes { id } } charges(patientId: $p) { nodes { id } } insurancePolicies(patientId: $p) { id } }',
      { p: b.patientId },
    );
    expect(forPatient).toEqual({ invoices: { nodes: [] }, charges: { nodes: [] }, insurancePolicies: [] });
    expect((await aBilling.data<{ claims: unknown[] }>('query($i: ID!) { claims(invoiceId: $i) { id } }', { i: invoiceB })).claims).toEqual([]);
  });

  it("in reports: B's revenue and debt are not in A's", async () => {
    const REPORTS = `query($d: Date!) {
      revenueReport(groupBy: SERVICE, from: $d, to: $d) { rows { key } }
      outstandingReport { rows { patient { id } } } }`;
    const mine = await aBilling.data<{ revenueReport: { rows: { key: string }[] }; outstandingReport: { rows: { patient: { id: string } }[] } }>(REPORTS, {
      d: TODAY,
    });
    expect(mine.revenueReport.rows.map((r) => r.key)).not.toContain('procedure:HIL-XR');
    expect(mine.outstandingReport.rows.map((r) => r.patient.id)).not.toContain(b.patientId);
    const theirs = await bBilling.data<typeof mine>(REPORTS, { d: TODAY });
    expect(theirs.revenueReport.rows.map((r) => r.key)).toEqual(['procedure:HIL-XR']);
    expect(theirs.outstandingReport.rows.map((r) => r.patient.id)).toEqual([b.patientId]);
  });

  it("in a patient's statement, credit and the price list of B: NOT_FOUND", async () => {
    for (const [query, vars] of [
      ['query($p: ID!) { patientStatement(patientId: $p) { closingBalanceMinor } }', { p: b.patientId }],
      ['query($p: ID!) { patientCredit(patientId: $p) { balanceMinor } }', { p: b.patientId }],
      ['query($f: ID!) { priceList(facilityId: $f) { id } }', { f: b.facilityId }],
      ['query($f: ID!) { effectivePrice(facilityId: $f, serviceType: PROCEDURE, on: "2026-06-01", code: "HIL-XR") { id } }', { f: b.facilityId }],
    ] as const) {
      const result = await aBilling.request(query, vars);
      expect(codeOf(result), query).toBe('NOT_FOUND');
      expect(JSON.stringify(result.data ?? {})).not.toMatch(/2500|HIL-XR/);
    }
  });

  it("through finance's _entities (Invoice, Payment, and the Patient fields finance adds): null and NOT_FOUND", async () => {
    const direct = gqlClient(stack.subgraphs.finance!.url, aBilling.token);
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Invoice { id number totalMinor } ... on Payment { id tenderedMinor } } }`;
    for (const rep of [
      { __typename: 'Invoice', id: invoiceB },
      { __typename: 'Invoice', id: draftB },
      { __typename: 'Payment', id: paymentB },
      { __typename: 'Payment', id: depositB },
    ]) {
      const result = await direct.request<{ _entities: unknown[] }>(ENTITIES, { r: [rep] });
      expect(codeOf(result), rep.__typename).toBe('NOT_FOUND');
      expect(result.data?._entities ?? [null]).toEqual([null]);
    }
    const patient = await direct.data<{ _entities: unknown[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { id invoices { nodes { id } } insurancePolicies { id } } } }`,
      { r: [{ __typename: 'Patient', id: b.patientId }] },
    );
    expect(patient._entities).toEqual([{ id: b.patientId, invoices: { nodes: [] }, insurancePolicies: [] }]);
    // B's own clerk gets B's through the same path.
    const own = await gqlClient(stack.subgraphs.finance!.url, bBilling.token).data<{ _entities: { id: string }[] }>(ENTITIES, {
      r: [
        { __typename: 'Invoice', id: invoiceB },
        { __typename: 'Payment', id: depositB },
      ],
    });
    expect(own._entities.map((e) => e.id)).toEqual([invoiceB, depositB]);
  });
});

describe("A's billing clerk cannot act on B's money, nor price or bill at B", () => {
  it("changes to B's invoices, charges, payments, claims and prices are NOT_FOUND and write nothing", async () => {
    const before = await stateOfB();
    const acts: [string, Record<string, unknown>][] = [
      ['mutation($id: ID!) { issueInvoice(id: $id) { id } }', { id: draftB }],
      ['mutation($id: ID!) { voidInvoice(id: $id, reason: "not ours") { id } }', { id: draftB }],
      ['mutation($id: ID!, $c: [ID!]!) { addChargesToInvoice(invoiceId: $id, chargeIds: $c) { id } }', { id: draftB, c: [pendingChargeB] }],
      ['mutation($l: ID!) { removeInvoiceLine(lineId: $l) { id } }', { l: draftLineB }],
      ['mutation($l: ID!) { setInvoiceLineDiscount(lineId: $l, discount: { discountBasisPoints: 1000, reason: "probe" }) { id } }', { l: draftLineB }],
      ['mutation($id: ID!) { applyInvoiceDiscount(invoiceId: $id, discount: { discountBasisPoints: 1000, reason: "probe" }) { id } }', { id: draftB }],
      ['mutation($id: ID!) { voidCharge(id: $id, reason: "not ours") { id } }', { id: pendingChargeB }],
      ['mutation($id: ID!) { priceCharge(id: $id, unitPriceMinor: 1) { id } }', { id: pendingChargeB }],
      ['mutation($i: PaymentInput!) { recordPayment(input: $i) { id } }', { i: { invoiceId: invoiceB, method: 'CASH', amountMinor: 100, currency: 'USD' } }],
      ['mutation($id: ID!) { applyPatientCredit(invoiceId: $id, amountMinor: 100) { id } }', { id: invoiceB }],
      ['mutation($i: CreditNoteInput!) { createCreditNote(input: $i) { id } }', { i: { invoiceId: invoiceB, reason: 'not ours' } }],
      ['mutation($i: ID!, $p: ID!) { createClaim(invoiceId: $i, policyId: $p) { id } }', { i: invoiceB, p: policyB }],
      ['mutation($c: [ID!]!) { submitClaims(claimIds: $c) { id } }', { c: [claimB] }],
      ['mutation($i: ClaimAdjudicationInput!) { adjudicateClaim(input: $i) { id } }', { i: { claimId: claimB } }],
      ['mutation($c: ID!) { recordClaimPayment(claimId: $c, amountMinor: 100, reference: "EOB-1") { id } }', { c: claimB }],
      ['mutation($id: ID!) { deactivateInsurancePolicy(id: $id) { id } }', { id: policyB }],
      ['mutation($id: ID!) { endPriceListEntry(id: $id, effectiveTo: "2027-01-01") { id } }', { id: priceB }],
      [
        'mutation($i: RefundInput!) { refundPatientCredit(input: $i) { id } }',
        { i: { patientId: b.patientId, currency: 'USD', amountMinor: 100, method: 'CASH', reason: 'probe' } },
      ],
    ];
    for (const [query, vars] of acts) {
      const result = await aBilling.request(query, vars);
      expect(codes(result), query).toEqual(['NOT_FOUND']);
    }
    expect(await stateOfB()).toEqual(before);
  });

  it('naming B to price, bill, draft, take a deposit or record insurance at is NOT_FOUND for the facility', async () => {
    const before = await stateOfB();
    const acts: [string, Record<string, unknown>][] = [
      [
        'mutation($i: PriceListEntryInput!) { createPriceListEntry(input: $i) { id } }',
        { i: { facilityId: b.facilityId, serviceType: 'OTHER', code: 'X', description: 'X', amountMinor: 1, currency: 'USD', effectiveFrom: '2026-02-01' } },
      ],
      ['mutation($f: ID!) { setBillingFacility(facilityId: $f, timeZone: "UTC", currency: "EUR") { facility { id } } }', { f: b.facilityId }],
      [
        'mutation($i: ChargeInput!) { createCharge(input: $i) { id } }',
        {
          i: {
            patientId: b.patientId,
            facilityId: b.facilityId,
            code: 'X',
            description: 'X',
            unitPriceMinor: 1,
            currency: 'USD',
            quantity: 1,
            serviceDate: TODAY,
          },
        },
      ],
      ['mutation($i: DraftInvoiceInput!) { createDraftInvoice(input: $i) { id } }', { i: { patientId: b.patientId, facilityId: b.facilityId } }],
      [
        'mutation($i: PaymentInput!) { recordPayment(input: $i) { id } }',
        { i: { patientId: b.patientId, facilityId: b.facilityId, method: 'CASH', amountMinor: 1, currency: 'USD' } },
      ],
      [
        'mutation($i: InsurancePolicyInput!) { createInsurancePolicy(input: $i) { id } }',
        {
          i: {
            patientId: b.patientId,
            facilityId: b.facilityId,
            payer: 'P',
            memberId: 'M-9',
            coverageBasisPoints: 1,
            currency: 'USD',
            validFrom: '2026-01-01',
          },
        },
      ],
    ];
    for (const [query, vars] of acts) {
      const result = await aBilling.request(query, vars);
      expect(codes(result), query).toEqual(['NOT_FOUND']);
      expect(result.errors[0]!.message).toMatch(/Facility/);
    }
    // Drafting B's patient's charges without naming B finds no charges to invoice, as for a patient with none.
    const theirs = await aBilling.request('mutation($i: DraftInvoiceInput!) { createDraftInvoice(input: $i) { id } }', { i: { patientId: b.patientId } });
    const nobody = await aBilling.request('mutation($i: DraftInvoiceInput!) { createDraftInvoice(input: $i) { id } }', { i: { patientId: MISSING } });
    expect(theirs.errors).toEqual(nobody.errors);
    expect(await stateOfB()).toEqual(before);
  });
});

describe('events carry their facility; B sees its own and the network admin sees both', () => {
  it("every finance event of B's money names B", async () => {
    const events = await sql<{ topic: string; facility_id: string | null }>(
      "select topic, facility_id from events.log where topic in ('invoice.changed', 'payment.recorded') and patient_id = $1",
      [b.patientId],
    );
    expect(events.length).toBeGreaterThanOrEqual(6);
    expect(events.filter((e) => e.facility_id !== b.facilityId)).toEqual([]);
  });

  it("B's clerk reads B's invoice, payment, submission, policy and statement", async () => {
    const own = await bBilling.data<{
      invoice: { id: string; facility: { id: string }; payments: { id: string }[]; claims: { id: string }[] };
      payment: { id: string };
      claimSubmission: { id: string };
      insurancePolicies: { id: string }[];
      patientStatement: { entries: { reference: string }[] }[];
      patientCredit: { balanceMinor: number }[];
    }>(
      `query($i: ID!, $d: ID!, $s: ID!, $p: ID!) {
        invoice(id: $i) { id facility { id } payments { id } claims { id } }
        payment(id: $d) { id } claimSubmission(id: $s) { id }
        insurancePolicies(patientId: $p) { id } patientStatement(patientId: $p) { entries { reference } } patientCredit(patientId: $p) { balanceMinor } }`,
      { i: invoiceB, d: depositB, s: submissionB, p: b.patientId },
    );
    expect(own.invoice).toEqual({ id: invoiceB, facility: { id: b.facilityId }, payments: [{ id: paymentB }], claims: [{ id: claimB }] });
    expect(own.payment.id).toBe(depositB);
    expect(own.insurancePolicies).toEqual([{ id: policyB }]);
    expect(own.patientStatement[0]!.entries).toHaveLength(3);
    expect(own.patientCredit).toEqual([{ balanceMinor: 2500 }]);
  });

  it("the network admin sees B's money with A's", async () => {
    const seen = await admin.data<{
      invoice: { id: string };
      payment: { id: string };
      invoices: { nodes: { id: string }[] };
      priceList: { facility: { id: string } }[];
    }>('query($i: ID!, $d: ID!) { invoice(id: $i) { id } payment(id: $d) { id } invoices(first: 100) { nodes { id } } priceList { facility { id } } }', {
      i: invoiceB,
      d: depositB,
    });
    expect([seen.invoice.id, seen.payment.id]).toEqual([invoiceB, depositB]);
    expect(seen.invoices.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([invoiceB, draftB]));
    expect(new Set(seen.priceList.map((p) => p.facility.id))).toEqual(new Set([facilityA, b.facilityId]));
  });
});
