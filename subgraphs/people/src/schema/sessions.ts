import { requireCapability } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import {
  accountSessions,
  deviceOf,
  endAccountSessions,
  endSession,
  mySessions,
  mySignIns,
  type SessionView,
  type SignInAction,
  type SignInRow,
} from '../services/session-list.ts';
import { setFacilitySessionPolicy } from '../services/session-policy.ts';
import { FacilityRef } from './facility.ts';

const SignInSessionRef = builder.objectRef<SessionView>('SignInSession').implement({
  description: 'A signed-in browser or device: it lasts until signed out, ended, idle past its timeout or at the end of its lifetime.',
  fields: (t) => ({
    id: t.exposeID('id'),
    device: t.string({ description: 'The browser and system, from its User-Agent ("Firefox on Linux").', resolve: (s) => deviceOf(s.userAgent) }),
    ip: t.exposeString('ip', { nullable: true, description: 'The address it signed in from.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it signed in.' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', description: 'Its last request (to the minute).' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'The end of its lifetime, however active it is.' }),
    idleTimeoutMinutes: t.int({
      nullable: true,
      description: 'It ends after this many minutes without a request; null: no idle limit.',
      resolve: (s) => (s.idleTimeoutSeconds === null ? null : Math.round(s.idleTimeoutSeconds / 60)),
    }),
    current: t.exposeBoolean('current', { description: 'Whether it is the session making this request.' }),
  }),
});

export const SignInOutcome = builder.enumType('SignInOutcome', {
  values: {
    SUCCEEDED: { value: 'login' },
    FAILED: { value: 'login_failed', description: 'A wrong password, or the account was deactivated.' },
    LOCKED_OUT: { value: 'login_locked', description: 'Refused after too many failures.' },
    MFA_FAILED: { value: 'mfa_failed', description: 'The password was right and the two-step sign-in code was not.' },
  } as const,
});

const SignInRef = builder.objectRef<SignInRow>('SignIn').implement({
  description: 'One sign-in attempt on one’s own account.',
  fields: (t) => ({
    id: t.id({ resolve: (e) => e.id.toString() }),
    at: t.expose('at', { type: 'DateTime' }),
    outcome: t.field({ type: SignInOutcome, resolve: (e) => e.action as SignInAction }),
    ip: t.exposeString('ip', { nullable: true }),
  }),
});

builder.objectField(FacilityRef, 'sessionIdleMinutes', (t) =>
  t.int({
    description: 'Staff of this facility are signed out after this many idle minutes (15–60; the strictest of their facilities applies).',
    resolve: (f, _a, ctx) => {
      requireCapability(ctx, 'facility.settings.read');
      return f.sessionIdleMinutes;
    },
  }),
);

builder.queryFields((t) => ({
  mySessions: t.field({
    type: [SignInSessionRef],
    description: 'The caller’s signed-in sessions, newest first.',
    resolve: (_root, _args, ctx) => mySessions(ctx),
  }),
  accountSessions: t.field({
    type: [SignInSessionRef],
    description: 'An account’s signed-in sessions, newest first (session.manage).',
    args: { accountId: t.arg.id({ required: true }) },
    resolve: (_root, { accountId }, ctx) => accountSessions(ctx, String(accountId)),
  }),
  mySignIns: t.field({
    type: [SignInRef],
    description: 'The caller’s recent sign-ins, refused ones and lockouts included, newest first (20 unless `first` says otherwise, at most 100).',
    args: { first: t.arg.int() },
    resolve: (_root, { first }, ctx) => mySignIns(ctx, first),
  }),
}));

builder.mutationFields((t) => ({
  endSession: t.field({
    type: 'Boolean',
    description:
      'Ends one of one’s own sessions (or, with session.manage, anyone’s): its tokens stop working at once and its live connections close. False when it had already ended.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => endSession(ctx, String(id)),
  }),
  endAccountSessions: t.field({
    type: 'Int',
    description: 'Ends every session of an account (session.manage); answers how many were open.',
    args: { accountId: t.arg.id({ required: true }) },
    resolve: (_root, { accountId }, ctx) => endAccountSessions(ctx, String(accountId)),
  }),
  setFacilitySessionPolicy: t.field({
    type: FacilityRef,
    description: 'Sets how many idle minutes (15–60) sign a facility’s staff out (facility.manage). Sessions apply it from their next refresh.',
    args: { facilityId: t.arg.id({ required: true }), idleTimeoutMinutes: t.arg.int({ required: true }) },
    resolve: (_root, { facilityId, idleTimeoutMinutes }, ctx) => setFacilitySessionPolicy(ctx, { facilityId: String(facilityId), idleTimeoutMinutes }),
  }),
}));
