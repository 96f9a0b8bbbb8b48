import { type Context, can, requireCapability, requireIdentity } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import {
  confirmMfaEnrolment,
  disableMfa,
  type MfaEnrolment,
  type MfaStatus,
  mfaRequiredRoles,
  mfaStatus,
  resetMfa,
  setMfaRequiredRoles,
  startMfaEnrolment,
} from '../services/mfa.ts';
import { accountMfaEnabled } from '../services/mfa-loaders.ts';
import { completeMfaSignIn } from '../services/mfa-sign-in.ts';
import { revokeAllSessions } from '../services/sessions.ts';
import { AccountRef, AuthPayload } from './account.ts';
import { RoleEnum } from './enums.ts';

const MfaStatusRef = builder.objectRef<MfaStatus>('MfaStatus').implement({
  description: "The caller's two-step sign-in (TOTP).",
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled', { description: 'A confirmed authenticator app is required at sign-in.' }),
    required: t.exposeBoolean('required', { description: "The clinic requires two-step sign-in for one of the caller's roles: it cannot be turned off." }),
    recoveryCodesLeft: t.exposeInt('recoveryCodesLeft', { description: 'Unused one-time recovery codes.' }),
  }),
});

const MfaEnrolmentRef = builder.objectRef<MfaEnrolment>('MfaEnrolment').implement({
  description: 'A new TOTP secret to add to an authenticator app. Answered once; it counts after `confirmMfaEnrolment`.',
  fields: (t) => ({
    secret: t.exposeString('secret', { description: 'The key to type in by hand (base32).' }),
    otpauthUri: t.exposeString('otpauthUri', { description: 'The otpauth:// URI the QR code holds.' }),
    qrCodeSvg: t.exposeString('qrCodeSvg', { description: 'The QR code of `otpauthUri`, as an SVG document.' }),
  }),
});

const MfaPolicyRef = builder.objectRef<{ requiredRoles: string[] }>('MfaPolicy').implement({
  description: 'Which roles must use two-step sign-in. Admins always must.',
  fields: (t) => ({ requiredRoles: t.field({ type: [RoleEnum], resolve: (p) => p.requiredRoles as never }) }),
});

builder.objectField(AccountRef, 'mfaEnabled', (t) =>
  t.boolean({
    nullable: true,
    description: 'Whether the account uses two-step sign-in: for admins managing accounts and for the account itself; null for anyone else.',
    resolve: async (a, _x, ctx: Context) =>
      a.id === ctx.identity?.userId || can(ctx.identity, 'account.manage')
        ? accountMfaEnabled(ctx)
            .load(a.id)
            .then((v) => v ?? false)
        : null,
  }),
);

builder.queryFields((t) => ({
  myMfa: t.field({
    type: MfaStatusRef,
    description: "The caller's two-step sign-in. Needs only a signed-in caller, so someone whose role requires it can see they must enrol.",
    resolve: (_root, _args, ctx) => mfaStatus(ctx),
  }),
  mfaPolicy: t.field({
    type: MfaPolicyRef,
    description: 'Admins (account.manage). Which roles must use two-step sign-in.',
    resolve: async (_root, _args, ctx) => {
      requireCapability(ctx, 'account.manage');
      return { requiredRoles: await mfaRequiredRoles(ctx.db) };
    },
  }),
}));

builder.mutationFields((t) => ({
  completeMfaSignIn: t.field({
    type: AuthPayload,
    description:
      "The second step of a sign-in: the challenge from `login`'s MFA_CHALLENGE error and a 6-digit code from the authenticator app or a recovery code. UNAUTHENTICATED for a wrong code (5 tries per challenge, and they count towards the sign-in lockout) or an expired challenge.",
    args: { challenge: t.arg.string({ required: true }), code: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => completeMfaSignIn(ctx, args.challenge, args.code),
  }),
  startMfaEnrolment: t.field({
    type: MfaEnrolmentRef,
    description: 'Starts (or restarts) adding an authenticator app for the caller. CONFLICT when two-step sign-in is already on.',
    resolve: (_root, _args, ctx) => startMfaEnrolment(ctx),
  }),
  confirmMfaEnrolment: t.field({
    type: ['String'],
    description:
      'Turns two-step sign-in on with a current code from the new app and answers 10 one-time recovery codes, shown this once. The current session counts as confirmed from its next refresh. INVALID_STATE for a wrong code.',
    args: { code: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => confirmMfaEnrolment(ctx, args.code),
  }),
  disableMfa: t.field({
    type: 'Boolean',
    description: "Turns the caller's two-step sign-in off, proven by a current code or a recovery code. INVALID_STATE when the caller's role requires it.",
    args: { code: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => disableMfa(ctx, args.code),
  }),
  resetMfa: t.field({
    type: 'Boolean',
    description:
      "Admins (account.manage). Removes an account's authenticator app and recovery codes and ends its sessions (a lost phone); it enrols again at its next sign-in. Audited.",
    args: { accountId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) =>
      resetMfa(ctx, String(args.accountId), (tx, accountId) => revokeAllSessions(tx, accountId, 'ended-by-admin', { actorId: requireIdentity(ctx).userId })),
  }),
  setMfaPolicy: t.field({
    type: MfaPolicyRef,
    description: 'Admins (account.manage). Sets which roles must use two-step sign-in; ADMIN is always kept. Audited.',
    args: { requiredRoles: t.arg({ type: [RoleEnum], required: true }) },
    resolve: async (_root, args, ctx) => ({ requiredRoles: await setMfaRequiredRoles(ctx, args.requiredRoles as never) }),
  }),
}));
