import type { InvoiceDetailInfo } from '../areas/billing/invoice-queries.ts';
import type { AppointmentInfo } from '../features/appointments/fields.ts';
import type { BookingChoices, SlotInfo } from '../features/booking/queries.ts';
import type { Present } from '../lib/unavailable.ts';
import { FACILITY } from './render-app.tsx';

export const OKAFOR = { id: 'prov-1', displayName: 'Dr. Amara Okafor' };
export const WEBER = { id: 'prov-2', displayName: 'Dr. Jonas Weber' };

export const choices: Present<BookingChoices> = {
  providers: [
    { ...OKAFOR, specialty: 'General Practice', facilities: [{ id: FACILITY.id }] },
    { ...WEBER, specialty: 'Dentistry', facilities: [{ id: FACILITY.id }] },
  ],
  appointmentTypes: [
    { id: 'type-consult', name: 'Consultation', durationMinutes: 20, bookingPolicy: 'PATIENT_INSTANT', providers: [{ id: OKAFOR.id }] },
    { id: 'type-procedure', name: 'Minor procedure', durationMinutes: 60, bookingPolicy: 'STAFF_ONLY', providers: [{ id: OKAFOR.id }, { id: WEBER.id }] },
  ],
};

/** A free slot on 2026-11-24 in New York at hh:mm local. */
export const slot = (hhmm: string, provider = OKAFOR): SlotInfo => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const startsAt = new Date(Date.UTC(2026, 10, 24, h + 5, m)).toISOString();
  return {
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 20 * 60_000).toISOString(),
    localDate: '2026-11-24',
    provider,
    facility: FACILITY,
    type: { id: 'type-consult', name: 'Consultation' },
  };
};

export const appointment = (overrides: Partial<AppointmentInfo> & { at?: string } = {}): AppointmentInfo => {
  const s = slot(overrides.at ?? '09:00', overrides.provider ?? OKAFOR);
  const { at: _at, ...rest } = overrides;
  return {
    __typename: 'Appointment',
    id: 'appt-1',
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    localDate: s.localDate,
    status: 'CONFIRMED',
    reason: null,
    updatedAt: '2026-11-24T01:00:00.000Z',
    queueToken: null,
    queuePosition: null,
    type: { id: 'type-consult', name: 'Consultation' },
    patient: { id: 'pat-1', displayName: 'Maria Garcia', mrn: 'CG01000017' },
    provider: OKAFOR,
    facility: FACILITY,
    ...rest,
  } as AppointmentInfo;
};

/** An issued invoice of one consultation, as the invoice page loads it. */
export const invoiceDetail = (overrides: Partial<InvoiceDetailInfo> = {}): InvoiceDetailInfo => ({
  id: 'inv-1',
  number: 'INV-0001',
  status: 'ISSUED',
  currency: 'USD',
  totalMinor: 12_000,
  balanceMinor: 12_000,
  patientBalanceMinor: 12_000,
  issuedAt: '2026-11-24T10:00:00.000Z',
  dueDate: '2026-12-24',
  patient: { id: 'pat-1', displayName: 'Maria Garcia' },
  subtotalMinor: 12_000,
  discountMinor: 0,
  taxMinor: 0,
  creditedMinor: 0,
  paidMinor: 0,
  locked: false,
  lines: [{ id: 'line-1', description: 'Consultation', code: 'CONSULT', quantity: 1, unitPriceMinor: 12_000, totalMinor: 12_000, creditedMinor: 0 }],
  payments: [],
  creditNotes: [],
  claims: [],
  ...overrides,
});
