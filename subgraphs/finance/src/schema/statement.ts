import { badInput, instantRange, parseInput, renderHandout, SPAN_LIMITS } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { currencyInput } from '../money.ts';
import { scopedPatient, validId } from '../services/access.ts';
import { handoutParties } from '../services/handout-parties.ts';
import { type PatientStatement, patientStatements, type StatementEntry } from '../services/statement.ts';
import { statementFacility, statementHandout } from '../services/statement-handout.ts';
import { StatementEntryKindEnum } from './enums.ts';
import { PatientRef, patientOf } from './refs.ts';

const StatementEntryType = builder.objectRef<StatementEntry>('StatementEntry').implement({
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    kind: t.expose('kind', { type: StatementEntryKindEnum }),
    reference: t.exposeString('reference'),
    description: t.exposeString('description'),
    invoiceId: t.exposeID('invoiceId', { nullable: true }),
    amountMinor: t.exposeInt('amountMinor', { description: '+ billed or refunded to the patient, − paid or credited.' }),
    balanceMinor: t.exposeInt('balanceMinor', { description: 'Running balance after this entry.' }),
  }),
});

const StatementType = builder.objectRef<PatientStatement>('PatientStatement').implement({
  description: "A patient's account in one currency. Over all time, closing balance = outstanding − credit.",
  fields: (t) => ({
    patient: t.field({ type: PatientRef, resolve: (s) => patientOf(s.patientId) }),
    currency: t.exposeString('currency'),
    from: t.expose('from', { type: 'DateTime', nullable: true }),
    to: t.expose('to', { type: 'DateTime', nullable: true }),
    openingBalanceMinor: t.exposeInt('openingBalanceMinor'),
    closingBalanceMinor: t.exposeInt('closingBalanceMinor'),
    outstandingMinor: t.exposeInt('outstandingMinor'),
    creditMinor: t.exposeInt('creditMinor'),
    insurancePendingMinor: t.exposeInt('insurancePendingMinor'),
    entries: t.field({ type: [StatementEntryType], resolve: (s) => s.entries }),
    pdfBase64: t.string({
      description: 'The statement as a PDF handout, base64-encoded.',
      resolve: async (s, _a, ctx) => {
        const parties = await handoutParties(ctx, { patientId: s.patientId, facilityId: await statementFacility(ctx, s.patientId) });
        ctx.audit.record({ action: 'export', entityType: 'PatientStatement', entityId: s.patientId, patientId: s.patientId, detail: { format: 'pdf' } });
        return Buffer.from(await renderHandout(statementHandout(s, parties))).toString('base64');
      },
    }),
  }),
});

builder.queryFields((t) => ({
  patientStatement: t.field({
    type: [StatementType],
    description: 'One statement per currency. A patient gets their own (patientId may be omitted); billing staff name the patient.',
    args: { patientId: t.arg.id(), currency: t.arg.string(), from: t.arg({ type: 'DateTime' }), to: t.arg({ type: 'DateTime' }) },
    resolve: (_r, args, ctx) => {
      const patientId = scopedPatient(ctx, args.patientId ? validId(String(args.patientId), 'Patient') : null, 'Patient');
      if (!patientId) throw badInput('patientId is required');
      const currency = args.currency ? parseInput(currencyInput, args.currency) : null;
      const { from, to } = parseInput(instantRange(SPAN_LIMITS.report), { from: args.from, to: args.to });
      return patientStatements(ctx, patientId, { currency, from, to });
    },
  }),
}));
