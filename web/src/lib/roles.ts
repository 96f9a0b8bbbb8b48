export type Role = 'PATIENT' | 'DOCTOR' | 'NURSE' | 'RECEPTIONIST' | 'PHARMACIST' | 'BILLING' | 'LAB' | 'ADMIN';

export type Area = 'reception' | 'doctor' | 'pharmacy' | 'billing' | 'lab' | 'admin' | 'portal';

/** Each area of the app, the roles that may enter it, and where it starts. */
export const AREAS: Record<Area, { label: string; path: string; roles: Role[] }> = {
  reception: { label: 'Reception', path: '/reception', roles: ['RECEPTIONIST', 'NURSE', 'ADMIN'] },
  doctor: { label: 'Doctor', path: '/doctor', roles: ['DOCTOR', 'NURSE'] },
  pharmacy: { label: 'Pharmacy', path: '/pharmacy', roles: ['PHARMACIST', 'ADMIN'] },
  billing: { label: 'Billing', path: '/billing', roles: ['BILLING', 'ADMIN'] },
  lab: { label: 'Lab', path: '/lab', roles: ['LAB'] },
  admin: { label: 'Admin', path: '/admin', roles: ['ADMIN'] },
  portal: { label: 'My health', path: '/portal', roles: ['PATIENT'] },
};

export const canEnter = (area: Area, roles: readonly Role[]): boolean => AREAS[area].roles.some((r) => roles.includes(r));

/** The areas a person with these roles may use, in menu order. */
export const areasFor = (roles: readonly Role[]): Area[] => (Object.keys(AREAS) as Area[]).filter((a) => canEnter(a, roles));
