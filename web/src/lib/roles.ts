import type { introspection } from '../graphql-env.d.ts';

/** A role as the API names it: the `Role` enum of schema/api.graphql, typed by gql.tada. */
export type Role = introspection['types']['Role']['enumValues'];

/** Every role of the API, in menu order: typecheck fails when the API's `Role` enum gains or loses one. */
const everyRole = {
  DOCTOR: true,
  NURSE: true,
  RECEPTIONIST: true,
  PHARMACIST: true,
  BILLING: true,
  LAB: true,
  ADMIN: true,
  NETWORK_ADMIN: true,
  PATIENT: true,
} as const satisfies Record<Role, true>;
export const ROLES = Object.keys(everyRole) as Role[];

export type Area = 'reception' | 'doctor' | 'pharmacy' | 'billing' | 'lab' | 'admin' | 'portal';

/** Each area of the app, the roles that may enter it, and where it starts. A network admin is an admin of every facility: wherever an admin goes. */
export const AREAS: Record<Area, { label: string; path: string; roles: Role[] }> = {
  reception: { label: 'Reception', path: '/reception', roles: ['RECEPTIONIST', 'NURSE', 'ADMIN', 'NETWORK_ADMIN'] },
  doctor: { label: 'Doctor', path: '/doctor', roles: ['DOCTOR', 'NURSE'] },
  pharmacy: { label: 'Pharmacy', path: '/pharmacy', roles: ['PHARMACIST', 'ADMIN', 'NETWORK_ADMIN'] },
  billing: { label: 'Billing', path: '/billing', roles: ['BILLING', 'ADMIN', 'NETWORK_ADMIN'] },
  lab: { label: 'Lab', path: '/lab', roles: ['LAB'] },
  admin: { label: 'Admin', path: '/admin', roles: ['ADMIN', 'NETWORK_ADMIN'] },
  portal: { label: 'My health', path: '/portal', roles: ['PATIENT'] },
};

export const canEnter = (area: Area, roles: readonly Role[]): boolean => AREAS[area].roles.some((r) => roles.includes(r));

/** The areas a person with these roles may use, in menu order. */
export const areasFor = (roles: readonly Role[]): Area[] => (Object.keys(AREAS) as Area[]).filter((a) => canEnter(a, roles));
