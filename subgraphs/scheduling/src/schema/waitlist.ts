import { can, isUuid, notFound, patientConfinement, requireCapability, requireIdentity } from '@clinigraph/kit';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { builder } from '../builder.ts';
import { notification, waitlistEntry } from '../db/schema.ts';
import { inScope } from '../services/facility-scope.ts';
import { notificationsVisible } from '../services/notifications.ts';
import { acceptOffer, declineOffer, joinWaitlist, leaveWaitlist } from '../services/waitlist.ts';
import { expireWaitlistOffers } from '../services/waitlist-offers.ts';
import { AppointmentRef, NotificationRef, WaitlistEntryRef, WaitlistOfferRef, WaitlistStatusEnum } from './types.ts';

const JoinInput = builder.inputType('JoinWaitlistInput', {
  fields: (t) => ({
    patientId: t.id({ description: 'Staff name the patient; a patient joins for themselves.' }),
    facilityId: t.id({ required: true }),
    typeId: t.id({ required: true }),
    providerId: t.id({ description: 'A provider, or any provider offering the type when absent.' }),
    earliest: t.field({ type: 'DateTime', required: true }),
    latest: t.field({ type: 'DateTime', required: true }),
    priority: t.int({ description: 'Staff only: higher is offered first.' }),
    note: t.string(),
  }),
});

const ExpiryRun = builder.objectRef<{ expired: number; reoffered: number }>('WaitlistExpiryRun').implement({
  fields: (t) => ({ expired: t.exposeInt('expired'), reoffered: t.exposeInt('reoffered') }),
});

builder.queryFields((t) => ({
  waitlist: t.field({
    type: [WaitlistEntryRef],
    description: 'Waitlist entries, best-ranked first. Staff see those of their facilities; a patient sees their own.',
    args: { status: t.arg({ type: [WaitlistStatusEnum] }), facilityId: t.arg.id() },
    resolve: async (_r, args, ctx) => {
      const confinedTo = patientConfinement(ctx);
      const facilityId = args.facilityId != null && isUuid(String(args.facilityId)) ? String(args.facilityId) : undefined;
      if (args.facilityId != null && !facilityId) return [];
      const rows = await ctx.db
        .select()
        .from(waitlistEntry)
        .where(
          and(
            confinedTo ? eq(waitlistEntry.patientId, confinedTo) : undefined,
            args.status?.length ? inArray(waitlistEntry.status, args.status) : undefined,
            facilityId ? eq(waitlistEntry.facilityId, facilityId) : undefined,
            inScope(ctx.identity, waitlistEntry.facilityId),
          ),
        )
        .orderBy(desc(waitlistEntry.priority), asc(waitlistEntry.createdAt))
        .limit(500);
      for (const r of rows) ctx.audit.record({ action: 'read', entityType: 'WaitlistEntry', entityId: r.id, patientId: r.patientId });
      return rows;
    },
  }),
  notifications: t.field({
    type: [NotificationRef],
    description: 'The signed-in patient’s in-app notifications, newest first; staff name the patient.',
    args: { patientId: t.arg.id(), unreadOnly: t.arg.boolean() },
    resolve: async (_r, args, ctx) => {
      const identity = requireIdentity(ctx);
      const patientId = can(identity, 'appointment.read')
        ? args.patientId == null
          ? null
          : String(args.patientId)
        : can(identity, 'own.read')
          ? identity.patientId
          : null;
      if (!patientId || !isUuid(patientId)) throw notFound('Patient');
      ctx.audit.record({ action: 'read', entityType: 'Notification', patientId });
      return ctx.db
        .select()
        .from(notification)
        .where(
          and(
            eq(notification.patientId, patientId),
            args.unreadOnly ? isNull(notification.readAt) : undefined,
            notificationsVisible(ctx.db, identity, patientId),
          ),
        )
        .orderBy(desc(notification.createdAt))
        .limit(200);
    },
  }),
}));

builder.mutationFields((t) => ({
  joinWaitlist: t.field({
    type: WaitlistEntryRef,
    description: 'When a matching slot frees, the first-ranked entry gets an exclusive offer for a set time.',
    args: { input: t.arg({ type: JoinInput, required: true }) },
    resolve: (_r, { input }, ctx) => joinWaitlist(ctx, input),
  }),
  leaveWaitlist: t.field({ type: WaitlistEntryRef, args: { id: t.arg.id({ required: true }) }, resolve: (_r, { id }, ctx) => leaveWaitlist(ctx, String(id)) }),
  acceptWaitlistOffer: t.field({
    type: AppointmentRef,
    description: 'Books the offered slot (SLOT_TAKEN if a direct booking won the race).',
    args: { offerId: t.arg.id({ required: true }) },
    resolve: (_r, { offerId }, ctx) => acceptOffer(ctx, String(offerId)),
  }),
  declineWaitlistOffer: t.field({
    type: WaitlistOfferRef,
    args: { offerId: t.arg.id({ required: true }) },
    resolve: (_r, { offerId }, ctx) => declineOffer(ctx, String(offerId)),
  }),
  expireWaitlistOffers: t.field({
    type: ExpiryRun,
    description: 'Runs the offer expiry job now (it also runs on an interval).',
    resolve: (_r, _a, ctx) => {
      requireCapability(ctx, 'appointment.book-for-others');
      return expireWaitlistOffers(ctx.db);
    },
  }),
  markNotificationRead: t.field({
    type: NotificationRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, { id }, ctx) => {
      const identity = requireIdentity(ctx);
      if (!isUuid(String(id)) || !identity.patientId) throw notFound('Notification');
      const [row] = await ctx.db
        .update(notification)
        .set({ readAt: new Date() })
        .where(and(eq(notification.id, String(id)), eq(notification.patientId, identity.patientId)))
        .returning();
      if (!row) throw notFound('Notification');
      return row;
    },
  }),
}));
