import { randomUUID } from 'node:crypto';
import { codeOf } from '@clinigraph/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FinanceTest, INVOICE_FIELDS, type InvoiceShape, issuedInvoice, parseCsv, pay, READ_INVOICE, startFinanceTest } from '../test-support.ts';

let f: FinanceTest;
beforeAll(async () => {
  f = await startFinanceTest();
});
afterAll(() => f?.close());

const POLICY = 'mutation P($input: InsurancePolicyInput!) { createInsurancePolicy(input: $input) { id payer coverageBasisPoints copayMinor } }';
const CLAIM = `mutation C($invoiceId: ID!, $policyId: ID!) { createClaim(invoiceId: $invoiceId, policyId: $policyId) {
  id number status claimedMinor lines { id claimedMinor } invoice { ${INVOICE_FIELDS} } } }`;
const SUBMIT = 'mutation S($ids: [ID!]!) { submitClaims(claimIds: $ids) { id number fileName csv claimCount } }';
const ADJUDICATE = `mutation A($input: ClaimAdjudicationInput!) { adjudicateClaim(input: $input) {
  status approvedMinor denialReason lines { approvedMinor denialReason } invoice { ${INVOICE_FIELDS} } } }`;
const CLAIM_PAYMENT =
  'mutation P($id: ID!, $amount: Int!) { recordClaimPayment(claimId: $id, amountMinor: $amount, reference: "REMIT-1") { method appliedMinor invoice { status balanceMinor } } }';

interface ClaimShape {
  id: string;
  number: string;
  status: string;
  claimedMinor: number;
  lines: { id: string; claimedMinor: number }[];
  invoice: InvoiceShape;
}

async function policy(patientId: string, terms: { coverageBasisPoints?: number; copayMinor?: number }, payer = 'Acme Health') {
  const { createInsurancePolicy } = await f.billing.data<{ createInsurancePolicy: { id: string } }>(POLICY, {
    input: { patientId, payer, memberId: `M-${randomUUID().slice(0, 6)}`, currency: 'USD', validFrom: '2026-01-01', ...terms },
  });
  return createInsurancePolicy.id;
}

const claimFor = async (invoiceId: string, policyId: string) => (await f.billing.data<{ createClaim: ClaimShape }>(CLAIM, { invoiceId, policyId })).createClaim;

describe('insurance claims', () => {
  it('a policy needs a coverage percentage or a copay (not both), in a known currency', async () => {
    const patientId = randomUUID();
    const input = { patientId, payer: 'X', memberId: 'M1', currency: 'USD', validFrom: '2026-01-01' };
    expect(codeOf(await f.billing.request(POLICY, { input }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await f.billing.request(POLICY, { input: { ...input, coverageBasisPoints: 8000, copayMinor: 100 } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await f.billing.request(POLICY, { input: { ...input, coverageBasisPoints: 10_001 } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await f.billing.request(POLICY, { input: { ...input, currency: 'QQQ', coverageBasisPoints: 8000 } }))).toBe('BAD_USER_INPUT');
    expect(await f.count('select count(*) n from finance.insurance_policy where patient_id = $1', [patientId])).toBe(0);
  });

  it('draft → submitted (with an export file) → denied: the whole amount moves to the patient share', async () => {
    const patientId = randomUUID();
    const policyId = await policy(patientId, { coverageBasisPoints: 8000 });
    const inv = await issuedInvoice(f, [{ unitPriceMinor: 10_000 }, { unitPriceMinor: 2501 }], patientId);
    const claim = await claimFor(inv.id, policyId);
    // 80% of 100.00 and of 25.01 (20.008 → 20.01)
    expect(claim.lines.map((l) => l.claimedMinor)).toEqual([8000, 2001]);
    expect(claim).toMatchObject({ status: 'DRAFT', claimedMinor: 10_001 });
    expect(claim.invoice).toMatchObject({ insuranceShareMinor: 10_001, patientShareMinor: 2500, patientBalanceMinor: 2500 });

    expect(codeOf(await f.billing.request(ADJUDICATE, { input: { claimId: claim.id } }))).toBe('INVALID_STATE');
    const { submitClaims } = await f.billing.data<{ submitClaims: { fileName: string; csv: string; claimCount: number } }>(SUBMIT, { ids: [claim.id] });
    expect(submitClaims.claimCount).toBe(1);
    expect(submitClaims.fileName).toMatch(/^claims-\d{8}T\d{6}Z\.csv$/);
    const rows = parseCsv(submitClaims.csv);
    expect(rows.map((r) => [r.claim_number, r.payer, r.line, r.claimed_amount, r.currency])).toEqual([
      [claim.number, 'Acme Health', '1', '80.00', 'USD'],
      [claim.number, 'Acme Health', '2', '20.01', 'USD'],
    ]);
    expect(codeOf(await f.billing.request(SUBMIT, { ids: [claim.id] }))).toBe('INVALID_STATE');

    expect(
      codeOf(await f.billing.request(ADJUDICATE, { input: { claimId: claim.id, lines: claim.lines.map((l) => ({ claimLineId: l.id, approvedMinor: 0 })) } })),
    ).toBe('BAD_USER_INPUT');
    const denied = await f.billing.data<{ adjudicateClaim: { status: string; denialReason: string; invoice: InvoiceShape } }>(ADJUDICATE, {
      input: {
        claimId: claim.id,
        lines: claim.lines.map((l) => ({ claimLineId: l.id, approvedMinor: 0 })),
        denialCode: 'CO-27',
        denialReason: 'Coverage terminated',
      },
    });
    expect(denied.adjudicateClaim).toMatchObject({ status: 'DENIED', denialReason: 'Coverage terminated' });
    expect(denied.adjudicateClaim.invoice).toMatchObject({
      insuranceShareMinor: 0,
      patientShareMinor: 12_501,
      patientBalanceMinor: 12_501,
      balanceMinor: 12_501,
    });
    expect(codeOf(await f.billing.request(CLAIM_PAYMENT, { id: claim.id, amount: 100 }))).toBe('INVALID_STATE');
  });

  it('a partial approval and the payer’s remittance; the patient pays the rest', async () => {
    const patientId = randomUUID();
    const policyId = await policy(patientId, { coverageBasisPoints: 10_000 });
    const inv = await issuedInvoice(f, [{ unitPriceMinor: 6000 }, { unitPriceMinor: 4000 }], patientId);
    const claim = await claimFor(inv.id, policyId);
    await f.billing.data(SUBMIT, { ids: [claim.id] });
    const { adjudicateClaim } = await f.billing.data<{ adjudicateClaim: { status: string; approvedMinor: number; invoice: InvoiceShape } }>(ADJUDICATE, {
      input: { claimId: claim.id, lines: [{ claimLineId: claim.lines[1]!.id, approvedMinor: 1000, denialReason: 'Above the allowed amount' }] },
    });
    expect(adjudicateClaim).toMatchObject({ status: 'PARTIALLY_APPROVED', approvedMinor: 7000 });
    expect(adjudicateClaim.invoice).toMatchObject({ insuranceShareMinor: 7000, patientShareMinor: 3000 });
    expect(codeOf(await f.billing.request(CLAIM_PAYMENT, { id: claim.id, amount: 7001 }))).toBe('BAD_USER_INPUT');
    const remit = await f.billing.data<{ recordClaimPayment: { method: string; appliedMinor: number; invoice: { status: string; balanceMinor: number } } }>(
      CLAIM_PAYMENT,
      { id: claim.id, amount: 7000 },
    );
    expect(remit.recordClaimPayment).toEqual({ method: 'INSURANCE', appliedMinor: 7000, invoice: { status: 'PARTIALLY_PAID', balanceMinor: 3000 } });
    await pay(f, inv.id, 3000);
    const { invoice } = await f.billing.data<{ invoice: InvoiceShape }>(READ_INVOICE, { id: inv.id });
    expect(invoice).toMatchObject({ status: 'PAID', balanceMinor: 0, patientBalanceMinor: 0 });
    const [claimRow] = await f.sub.database.query<{ status: string }>('select status from finance.claim where id = $1', [claim.id]);
    expect(claimRow?.status).toBe('paid');
  });

  it('a copay policy: the patient pays the copay once per claim, the payer the rest', async () => {
    const patientId = randomUUID();
    const policyId = await policy(patientId, { copayMinor: 2500 });
    const inv = await issuedInvoice(f, [{ unitPriceMinor: 2000 }, { unitPriceMinor: 8000 }], patientId);
    const claim = await claimFor(inv.id, policyId);
    expect(claim.lines.map((l) => l.claimedMinor)).toEqual([0, 7500]);
    expect(claim.invoice).toMatchObject({ insuranceShareMinor: 7500, patientShareMinor: 2500 });
    expect(codeOf(await f.billing.request(CLAIM, { invoiceId: inv.id, policyId }))).toBe('INVALID_STATE');
  });

  it("a patient's policy cannot claim another patient's invoice, and a claimed invoice is no longer editable", async () => {
    const policyId = await policy(randomUUID(), { coverageBasisPoints: 5000 });
    const inv = await issuedInvoice(f, [{ unitPriceMinor: 1000 }]);
    expect(codeOf(await f.billing.request(CLAIM, { invoiceId: inv.id, policyId }))).toBe('NOT_FOUND');
    const own = await policy(f.ids.patientA, { coverageBasisPoints: 5000 }, 'Other Payer');
    await claimFor(inv.id, own);
    const voided = await f.billing.request('mutation V($id: ID!) { voidInvoice(id: $id, reason: "Mistake") { status } }', { id: inv.id });
    expect(codeOf(voided)).toBe('INVALID_STATE');
  });
});
