import { type Context, requireIdentity } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { type AccountRow, accountById, providerById } from '../services/loaders.ts';
import { readPatient } from '../services/patients.ts';
import { registerPatient } from '../services/registration.ts';
import { login, logout, refresh, type Session } from '../services/sessions.ts';
import { AccountStatusEnum, RoleEnum, SexEnum } from './enums.ts';
import { PatientRef } from './patient.ts';
import { ProviderRef } from './provider.ts';

export const AccountRef = builder.objectRef<AccountRow>('Account').implement({
  description: 'A sign-in: a patient or a member of staff.',
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email'),
    displayName: t.exposeString('displayName'),
    roles: t.field({ type: [RoleEnum], resolve: (a) => a.roles as never }),
    status: t.expose('status', { type: AccountStatusEnum }),
    patient: t.field({ type: PatientRef, nullable: true, resolve: (a, _x, ctx) => (a.patientId ? readPatient(ctx, a.patientId) : null) }),
    provider: t.field({ type: ProviderRef, nullable: true, resolve: (a, _x, ctx) => (a.providerId ? providerById(ctx).load(a.providerId) : null) }),
    lastLoginAt: t.expose('lastLoginAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const AuthPayload = builder.objectRef<Session>('AuthPayload').implement({
  fields: (t) => ({
    accessToken: t.exposeString('accessToken', { description: 'A short-lived JWT for the Authorization header.' }),
    accessTokenExpiresAt: t.expose('accessTokenExpiresAt', { type: 'DateTime' }),
    refreshToken: t.exposeString('refreshToken', { description: 'Single use: each refresh returns a new one.' }),
    account: t.field({ type: AccountRef, resolve: (s) => s.account }),
  }),
});

const RegisterPatientInput = builder.inputType('RegisterPatientInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true }),
    givenName: t.string({ required: true }),
    familyName: t.string({ required: true }),
    dateOfBirth: t.field({ type: 'Date', required: true }),
    sex: t.field({ type: SexEnum, required: true }),
    phone: t.string(),
    address: t.string(),
  }),
});

async function me(ctx: Context): Promise<AccountRow | null> {
  if (!ctx.identity) return null;
  const row = await accountById(ctx).load(ctx.identity.userId);
  return row?.status === 'active' ? row : null;
}

builder.queryFields((t) => ({
  me: t.field({
    type: AccountRef,
    nullable: true,
    description: "The caller's own account, or null when not signed in.",
    resolve: (_root, _args, ctx) => me(ctx),
  }),
}));

builder.mutationFields((t) => ({
  registerPatient: t.field({
    type: AuthPayload,
    description: 'Self-registration for patients. Signs the new patient in.',
    args: { input: t.arg({ type: RegisterPatientInput, required: true }) },
    resolve: (_root, { input }, ctx) => registerPatient(ctx, input),
  }),
  login: t.field({
    type: AuthPayload,
    args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: (_root, { email, password }, ctx) => login(ctx, email, password),
  }),
  refreshSession: t.field({
    type: AuthPayload,
    args: { refreshToken: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => refresh(ctx, args.refreshToken),
  }),
  logout: t.field({
    type: 'Boolean',
    args: { refreshToken: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => {
      requireIdentity(ctx);
      return logout(ctx, args.refreshToken);
    },
  }),
}));
