import { connectionType } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { accountById } from '../services/loaders.ts';
import type { SignInAction } from '../services/session-list.ts';
import { type SignInActivityRow, signInActivity } from '../services/sign-in-activity.ts';
import { AccountRef } from './account.ts';
import { SignInOutcome } from './sessions.ts';

const SignInAttemptRef = builder.objectRef<SignInActivityRow>('SignInAttempt').implement({
  description: 'One sign-in attempt on any account, as admins see it.',
  fields: (t) => ({
    id: t.id({ resolve: (e) => e.id.toString() }),
    at: t.expose('at', { type: 'DateTime' }),
    outcome: t.field({ type: SignInOutcome, resolve: (e) => e.action as SignInAction }),
    accountId: t.id({ nullable: true, description: 'Null when the e-mail typed matched no account.', resolve: (e) => e.entityId }),
    account: t.field({ type: AccountRef, nullable: true, resolve: (e, _a, ctx) => (e.entityId ? accountById(ctx).load(e.entityId) : null) }),
    ip: t.exposeString('ip', { nullable: true }),
    reason: t.string({
      nullable: true,
      description: 'Why it was refused (wrong password, unknown e-mail, deactivated, too many failures); how a second factor was proven.',
      resolve: (e) => {
        const d = e.detail ?? {};
        if (typeof d.reason === 'string') return d.reason;
        if (typeof d.mfa === 'string') return `with ${d.mfa === 'recovery-code' ? 'a recovery code' : 'an authenticator code'}`;
        if (e.action === 'mfa_failed') return d.locked === true ? 'wrong code; the sign-in is locked' : 'wrong code';
        return typeof d.via === 'string' ? d.via : null;
      },
    }),
  }),
});

const SignInAttemptConnection = connectionType(builder, 'SignInAttempt', SignInAttemptRef);

const SignInActivityFilter = builder.inputType('SignInActivityFilter', {
  fields: (t) => ({
    outcome: t.field({ type: SignInOutcome }),
    accountId: t.id(),
  }),
});

builder.queryFields((t) => ({
  signInActivity: t.field({
    type: SignInAttemptConnection,
    description: 'Sign-ins, refused sign-ins, lockouts and wrong two-step codes across accounts, newest first (session.manage).',
    args: { filter: t.arg({ type: SignInActivityFilter }), first: t.arg.int(), after: t.arg.string() },
    resolve: (_root, { filter, first, after }, ctx) =>
      signInActivity(ctx, {
        filter: filter ? { outcome: filter.outcome ?? null, accountId: filter.accountId ? String(filter.accountId) : null } : null,
        first,
        after,
      }),
  }),
}));
