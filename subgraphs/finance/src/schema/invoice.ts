import { assertPatientAccess, connectionType } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { financeScope, scopedPatient } from '../services/access.ts';
import { balanceOf } from '../services/events.ts';
import { handoutParties } from '../services/handout-parties.ts';
import { readInvoice } from '../services/invoice-core.ts';
import { listInvoices, patientInvoices } from '../services/invoice-lists.ts';
import { creditedByInvoiceLine, creditNotesByInvoice, type InvoiceLineRow, type InvoiceRow, linesByInvoice, paymentsByInvoice } from '../services/loaders.ts';
import { invoicePdf } from '../services/pdf.ts';
import { InvoiceStatusEnum, ServiceTypeEnum } from './enums.ts';
import { FacilityRef, facilityOf, PatientRef, ProviderRef, patientOf, providerOf } from './refs.ts';

export const InvoiceType = builder.objectRef<InvoiceRow>('Invoice');
export const InvoiceLineType = builder.objectRef<InvoiceLineRow>('InvoiceLine');

InvoiceLineType.implement({
  description: 'One line. gross = quantity × unit price; discount and tax are rounded half up per line; total = gross − discount + tax.',
  fields: (t) => ({
    id: t.exposeID('id'),
    position: t.exposeInt('position'),
    chargeId: t.exposeID('chargeId', { nullable: true }),
    serviceType: t.expose('serviceType', { type: ServiceTypeEnum }),
    code: t.exposeString('code'),
    description: t.exposeString('description'),
    provider: t.field({ type: ProviderRef, nullable: true, resolve: (l) => providerOf(l.providerId) }),
    serviceDate: t.expose('serviceDate', { type: 'Date' }),
    quantity: t.exposeInt('quantity'),
    unitPriceMinor: t.exposeInt('unitPriceMinor'),
    grossMinor: t.exposeInt('grossMinor'),
    discountBasisPoints: t.exposeInt('discountBp'),
    discountReason: t.exposeString('discountReason', { nullable: true }),
    discountMinor: t.exposeInt('discountMinor'),
    taxRateBasisPoints: t.exposeInt('taxRateBp'),
    taxMinor: t.exposeInt('taxMinor'),
    totalMinor: t.exposeInt('totalMinor'),
    creditedMinor: t.int({
      description: 'Taken off by credit notes.',
      resolve: async (l, _a, ctx) => (await creditedByInvoiceLine(ctx).load(l.id))!.amountMinor,
    }),
  }),
});

const patientShare = (i: InvoiceRow) => Math.max(0, i.totalMinor - i.creditedMinor - i.insuranceShareMinor);

InvoiceType.implement({
  description: 'An invoice. Money is in minor units of `currency`; once it has a payment it is locked and corrected only by credit notes.',
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeString('number'),
    status: t.expose('status', { type: InvoiceStatusEnum }),
    patient: t.field({ type: PatientRef, nullable: true, resolve: (i) => patientOf(i.patientId) }),
    facility: t.field({ type: FacilityRef, nullable: true, resolve: (i) => facilityOf(i.facilityId) }),
    encounterId: t.exposeID('encounterId', { nullable: true }),
    currency: t.exposeString('currency'),
    subtotalMinor: t.exposeInt('subtotalMinor'),
    discountMinor: t.exposeInt('discountMinor'),
    taxMinor: t.exposeInt('taxMinor'),
    totalMinor: t.exposeInt('totalMinor', { description: 'subtotal − discount + tax, the sum of the lines’ totals.' }),
    creditedMinor: t.exposeInt('creditedMinor'),
    paidMinor: t.exposeInt('paidMinor'),
    balanceMinor: t.int({ description: 'total − credited − paid; never negative (overpayment becomes patient credit).', resolve: balanceOf }),
    insuranceShareMinor: t.exposeInt('insuranceShareMinor', { description: 'Expected from payers: claimed while pending, approved once adjudicated.' }),
    patientShareMinor: t.int({ description: 'What the patient is responsible for after insurance.', resolve: patientShare }),
    patientBalanceMinor: t.int({
      description: 'What the patient still owes of their share.',
      resolve: (i) => Math.max(0, Math.min(balanceOf(i), patientShare(i) - (i.paidMinor - i.paidByInsuranceMinor))),
    }),
    locked: t.boolean({ description: 'True once any payment was taken.', resolve: (i) => i.lockedAt !== null }),
    issuedAt: t.expose('issuedAt', { type: 'DateTime', nullable: true }),
    dueDate: t.expose('dueDate', { type: 'Date', nullable: true }),
    voidReason: t.exposeString('voidReason', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lines: t.field({ type: [InvoiceLineType], resolve: async (i, _a, ctx) => (await linesByInvoice(ctx).load(i.id)) ?? [] }),
    pdfBase64: t.string({
      description: 'The invoice as a PDF, base64-encoded.',
      resolve: async (i, _a, ctx) => {
        const [lines, payments, creditNotes] = await Promise.all([
          linesByInvoice(ctx).load(i.id),
          paymentsByInvoice(ctx).load(i.id),
          creditNotesByInvoice(ctx).load(i.id),
        ]);
        const parties = await handoutParties(ctx, { patientId: i.patientId, facilityId: i.facilityId, providerIds: (lines ?? []).map((l) => l.providerId) });
        ctx.audit.record({ action: 'export', entityType: 'Invoice', entityId: i.id, patientId: i.patientId, detail: { format: 'pdf' } });
        const document = { invoice: i, lines: lines ?? [], payments: payments ?? [], creditNotes: creditNotes ?? [] };
        return Buffer.from(await invoicePdf(document, parties)).toString('base64');
      },
    }),
  }),
});

// Any subgraph resolving an Invoice reference comes through here: the same rule as every query.
builder.asEntity(InvoiceType, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }, ctx) => readInvoice(ctx, id),
});

const InvoiceConnection = connectionType(builder, 'Invoice', InvoiceType);

builder.queryFields((t) => ({
  invoice: t.field({
    type: InvoiceType,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => readInvoice(ctx, String(id)),
  }),
  invoices: t.field({
    type: InvoiceConnection,
    description: 'Invoices, newest first. Billing staff see their facilities’ (or one patient’s there); a patient sees only their own.',
    args: { patientId: t.arg.id(), status: t.arg({ type: InvoiceStatusEnum }), first: t.arg.int(), after: t.arg.string() },
    resolve: (_r, args, ctx) => listInvoices(ctx, scopedPatient(ctx, args.patientId ? String(args.patientId) : null, 'Patient'), args),
  }),
}));

builder.objectFields(PatientRef, (t) => ({
  invoices: t.field({
    type: InvoiceConnection,
    // Null (with an error naming finance) when finance does not answer: the patient's other data still arrives.
    nullable: true,
    args: { status: t.arg({ type: InvoiceStatusEnum }), first: t.arg.int(), after: t.arg.string() },
    resolve: (p, args, ctx) => {
      assertPatientAccess(ctx, p.id);
      financeScope(ctx);
      return patientInvoices(ctx, scopedPatient(ctx, p.id, 'Patient') ?? p.id, args);
    },
  }),
}));
