import type { Area } from '../lib/roles.ts';

/** The pages of each area, for its menu. Kept out of the areas' own chunks so the menu never loads them. */
export const AREA_NAV: Record<Area, { href: string; label: string }[]> = {
  reception: [
    { href: '/reception', label: 'Day board' },
    { href: '/reception/book', label: 'Book' },
    { href: '/reception/queue', label: 'Queue' },
    { href: '/reception/waitlist', label: 'Waitlist' },
    { href: '/reception/patients', label: 'Patients' },
  ],
  doctor: [
    { href: '/doctor', label: 'My day' },
    { href: '/doctor/patients', label: 'Find a patient' },
  ],
  pharmacy: [
    { href: '/pharmacy', label: 'Dispense queue' },
    { href: '/pharmacy/stock', label: 'Stock' },
    { href: '/pharmacy/alerts', label: 'Alerts' },
    { href: '/pharmacy/orders', label: 'Purchase orders' },
    { href: '/pharmacy/stock-changes', label: 'Stock changes' },
    { href: '/pharmacy/equipment', label: 'Equipment' },
  ],
  billing: [
    { href: '/billing', label: 'Invoices' },
    { href: '/billing/claims', label: 'Claims' },
    { href: '/billing/reports', label: 'Reports' },
    { href: '/billing/charges', label: 'Unpriced charges' },
    { href: '/billing/statements', label: 'Statements' },
  ],
  lab: [
    { href: '/lab', label: 'Worklist' },
    { href: '/lab/released', label: 'Released' },
  ],
  admin: [
    { href: '/admin', label: 'Users' },
    { href: '/admin/schedules', label: 'Schedules' },
    { href: '/admin/prices', label: 'Price list' },
    { href: '/admin/audit', label: 'Audit log' },
  ],
  portal: [
    { href: '/portal', label: 'Appointments' },
    { href: '/portal/book', label: 'Book' },
    { href: '/portal/prescriptions', label: 'Prescriptions' },
    { href: '/portal/results', label: 'Results' },
    { href: '/portal/invoices', label: 'Invoices' },
    { href: '/portal/messages', label: 'Messages' },
    { href: '/portal/profile', label: 'Profile' },
  ],
};
