import { type Context, connectionType, type Identity, inFacilityScope, requireIdentity } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { createAccount, readAccount, searchAccounts, setAccountStatus, updateAccount } from '../services/accounts.ts';
import { type AccountRow, accountById, facilitiesByAccount, providerById } from '../services/loaders.ts';
import { changePassword, requestPasswordReset, resetPassword, sendPasswordResetLink } from '../services/passwords.ts';
import { readPatient } from '../services/patients.ts';
import { registerPatient } from '../services/registration.ts';
import { forkSession, login, logout, refresh, type Session } from '../services/sessions.ts';
import { AccountStatusEnum, RoleEnum, SexEnum } from './enums.ts';
import { FacilityRef } from './facility.ts';
import { PatientRef } from './patient.ts';
import { ProviderRef } from './provider.ts';

/**
 * An account as a field answers it. In a sign-in's payload the caller has no token yet, so the
 * account's profile fields are resolved as the session just issued (`viewer`).
 */
type AccountView = AccountRow & { viewer?: Identity };
const asViewer = (a: AccountView, ctx: Context): Context => (a.viewer ? { ...ctx, identity: a.viewer } : ctx);

export const AccountRef = builder.objectRef<AccountView>('Account').implement({
  description: 'A sign-in: a patient or a member of staff.',
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email'),
    displayName: t.exposeString('displayName'),
    roles: t.field({ type: [RoleEnum], resolve: (a) => a.roles as never }),
    status: t.expose('status', { type: AccountStatusEnum }),
    patient: t.field({
      type: PatientRef,
      nullable: true,
      description: "The account's patient record (patient accounts).",
      resolve: (a, _x, ctx) => (a.patientId ? readPatient(asViewer(a, ctx), a.patientId) : null),
    }),
    provider: t.field({
      type: ProviderRef,
      nullable: true,
      description: "The account's provider profile (clinicians).",
      resolve: (a, _x, ctx) => (a.providerId ? providerById(ctx).load(a.providerId) : null),
    }),
    facilities: t.field({
      type: [FacilityRef],
      description: 'The facilities a member of staff works at (to an admin confined to facilities, those of theirs).',
      resolve: async (a, _x, ctx) => {
        const viewer = asViewer(a, ctx).identity;
        return ((await facilitiesByAccount(ctx).load(a.id)) ?? []).filter((f) => inFacilityScope(viewer, f.id));
      },
    }),
    lastLoginAt: t.expose('lastLoginAt', { type: 'DateTime', nullable: true }),
    passwordChangedAt: t.expose('passwordChangedAt', { type: 'DateTime' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const AccountConnection = connectionType(builder, 'Account', AccountRef);

const CreateAccountInput = builder.inputType('CreateAccountInput', {
  description:
    'A staff account (any roles but PATIENT, optionally linked to a provider profile), or the login of an existing patient record (roles [PATIENT] and patientId).',
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true, description: 'The initial password, at least 10 characters.' }),
    displayName: t.string({ required: true }),
    roles: t.field({ type: [RoleEnum], required: true }),
    facilityIds: t.idList(),
    providerId: t.id(),
    patientId: t.id(),
  }),
});

const UpdateAccountInput = builder.inputType('UpdateAccountInput', {
  description: 'Only the fields given change. providerId: null unlinks the provider profile. facilityIds replaces the list.',
  fields: (t) => ({
    displayName: t.string(),
    roles: t.field({ type: [RoleEnum] }),
    facilityIds: t.idList(),
    providerId: t.id(),
  }),
});

export const AuthPayload = builder.objectRef<Session>('AuthPayload').implement({
  fields: (t) => ({
    accessToken: t.exposeString('accessToken', { description: 'A short-lived JWT for the Authorization header.' }),
    accessTokenExpiresAt: t.expose('accessTokenExpiresAt', { type: 'DateTime' }),
    refreshToken: t.exposeString('refreshToken', { description: 'Single use: each refresh returns a new one.' }),
    account: t.field({ type: AccountRef, resolve: (s) => ({ ...s.account, viewer: s.identity }) }),
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
    description: "The caller's own account (with its patient or provider profile), or null when not signed in.",
    resolve: (_root, _args, ctx) => me(ctx),
  }),
  account: t.field({
    type: AccountRef,
    description: 'Admins only.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => readAccount(ctx, String(id)),
  }),
  accounts: t.field({
    type: AccountConnection,
    description: 'Admins only: accounts by e-mail or name, role, status and facility, ordered by e-mail.',
    args: {
      search: t.arg.string(),
      role: t.arg({ type: RoleEnum }),
      status: t.arg({ type: AccountStatusEnum }),
      facilityId: t.arg.id(),
      first: t.arg.int(),
      after: t.arg.string(),
    },
    resolve: (_root, args, ctx) => searchAccounts(ctx, { ...args, facilityId: args.facilityId == null ? null : String(args.facilityId) }),
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
  forkSession: t.field({
    type: AuthPayload,
    description:
      'A new, independent session for another browser tab of the same person, proven by a current refresh token (which stays valid). UNAUTHENTICATED when that session has ended.',
    args: { refreshToken: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => forkSession(ctx, args.refreshToken),
  }),
  changePassword: t.field({
    type: AuthPayload,
    description: "Changes the caller's password. Every other session ends; the answer is a fresh session.",
    args: { currentPassword: t.arg.string({ required: true }), newPassword: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => changePassword(ctx, args.currentPassword, args.newPassword),
  }),
  requestPasswordReset: t.field({
    type: 'Boolean',
    description: 'Mails a reset link valid for an hour if the e-mail has an active account. Always true, so it never tells whether it has.',
    args: { email: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => requestPasswordReset(ctx, args.email),
  }),
  resetPassword: t.field({
    type: 'Boolean',
    description:
      'Sets a new password with the mailed token (single use, one hour). Every session of the account ends. A used or expired token is INVALID_STATE with rule RESET_LINK_USED or RESET_LINK_EXPIRED; an unknown one BAD_USER_INPUT.',
    args: { token: t.arg.string({ required: true }), newPassword: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => resetPassword(ctx, args.token, args.newPassword),
  }),
  sendPasswordResetLink: t.field({
    type: 'Boolean',
    description:
      'Admins only: mails an active staff account a reset link (one hour, at most 3 an hour). The answer never holds the token. Patients reset from the sign-in page.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => sendPasswordResetLink(ctx, String(id)),
  }),
  createAccount: t.field({
    type: AccountRef,
    description: 'Admins only.',
    args: { input: t.arg({ type: CreateAccountInput, required: true }) },
    resolve: (_root, { input }, ctx) => createAccount(ctx, input),
  }),
  updateAccount: t.field({
    type: AccountRef,
    description:
      "Admins only: name, roles, facilities, provider link. An admin confined to facilities gives only their own facilities (another is NOT_FOUND); only a network admin grants NETWORK_ADMIN or changes a network admin's account (FORBIDDEN).",
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateAccountInput, required: true }) },
    resolve: (_root, { id, input }, ctx) => updateAccount(ctx, String(id), input),
  }),
  deactivateAccount: t.field({
    type: AccountRef,
    description: 'Admins only. Ends every session of the account; it can no longer sign in or refresh.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => setAccountStatus(ctx, String(id), 'deactivated'),
  }),
  reactivateAccount: t.field({
    type: AccountRef,
    description: 'Admins only.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => setAccountStatus(ctx, String(id), 'active'),
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
