/**
 * Everything the clinic's access policy grants, each with what it protects. Roles (and later partner
 * scopes) map to these in `policy.ts`; resolvers ask for a capability, never for a role.
 */
export const CapabilityDescriptions = {
  // The patient's own record (patients only).
  'own.read': 'Read one’s own record: details, chart, appointments, notifications and bills',
  'own.update': 'Change one’s own contact details, emergency contacts and insurance',
  'own.book': 'Book, move and cancel one’s own appointments; join and leave the waitlist',
  'own.pay': 'Pay one’s own invoices online',
  // People: patients, providers, accounts, facilities, audit.
  'patient.read': 'Find any patient and read their identifying and contact details',
  'patient.register': 'Register a patient record',
  'patient.merge': 'Merge a duplicate patient record into the one that stays',
  'patient.details.write': 'Change a patient’s identifying details, contact details and emergency contacts',
  'patient.clinical-summary.read': 'Read a patient’s blood group, allergies and chronic conditions',
  'patient.clinical-summary.write': 'Change a patient’s blood group, allergies and chronic conditions',
  'patient.emergency-contacts.read': 'Read a patient’s emergency contacts',
  'patient.insurance.read': 'Read a patient’s insurance details',
  'patient.insurance.write': 'Change a patient’s insurance details',
  'provider.details.read': 'Read a provider’s licence number',
  'provider.manage': 'Create and change provider records',
  'account.manage': 'Create accounts, change their roles, deactivate them, send password resets',
  'facility.manage': 'Create and change facilities, their lab policy and their staff’s idle timeout',
  'facility.settings.read': 'Read a facility’s lab policy (four eyes, result release delay)',
  'audit.read': 'Read the audit trail',
  'facility.all-sites': 'See and act on the data of every facility of the network, not only one’s own facilities',
  'session.manage': 'List and end any account’s sign-in sessions and read its sign-in activity',
  'emergency-access.review': 'Review break-the-glass grants: who opened which chart, why, what they read; mark them reviewed',
  // Care: the chart.
  'chart.emergency-access': 'Break the glass: open the chart of a patient outside one’s facilities in an emergency, with a reason (audited and reviewed)',
  'encounter.read': 'Read any patient’s encounters',
  'encounter.open': 'Open a walk-in encounter',
  'encounter.queue.read': 'Read a provider’s open encounters and the follow-ups to book',
  'encounter.feed.all': 'Follow every encounter live',
  'encounter.feed.own': 'Follow one’s own encounters live (a provider record is needed)',
  'clinical.read': 'Read any patient’s vitals, notes, radiology, dental chart and documents; print referral letters',
  'clinical.reference.read': 'Search ICD-10 codes, note templates and the lab test catalogue',
  'clinical.write': 'Write diagnoses, notes, dental charts and referrals; consult and close encounters',
  'chart.history.read': 'Read earlier versions of results and reports, clinical information on orders and when patients see results',
  'diagnosis.read': 'Read any patient’s diagnoses',
  'vitals.record': 'Record vitals',
  'document.upload': 'Upload documents to a patient’s record',
  'prescription.read': 'Read any patient’s prescriptions, the warnings acknowledged on them and the dispense queue',
  'prescription.sign': 'Write, finalise, cancel and renew prescriptions',
  'certificate.read': 'Read any patient’s certificates',
  'certificate.issue': 'Issue certificates and decide on patients’ requests',
  'referral.read': 'Read any patient’s referrals',
  'referral.status.update': 'Mark a referral accepted, completed or cancelled',
  'radiology.manage': 'Order, report, verify and cancel imaging; the radiology worklist',
  'lab.read': 'Read any patient’s lab orders and results, the lab worklist and critical result events',
  'lab.order': 'Order and cancel lab tests',
  'lab.sample.collect': 'Collect a lab sample',
  'lab.sample.receive': 'Receive a lab sample in the lab',
  'lab.result.enter': 'Enter and correct lab results',
  'lab.result.verify': 'Verify lab results',
  'lab.result.release': 'Release verified lab results',
  'lab.result.review': 'Mark one’s lab results seen; the results inbox',
  'lab.critical.acknowledge': 'Acknowledge a critical lab result',
  'lab.critical.inbox': 'List and follow the critical results of one’s own orders',
  'lab.critical.follow-all': 'Follow every critical lab result live',
  // Scheduling.
  'appointment.read': 'Read and follow any patient’s appointments, waitlist entries and notifications',
  'appointment.book-for-others': 'Book, move, cancel and check in appointments for any patient; run the waitlist',
  'visit.conduct': 'Start and complete visits',
  'queue.read': 'Read and follow a provider’s day queue',
  'schedule.manage': 'Maintain schedules, appointment types, holidays and other people’s time off',
  'schedule.own-time-off': 'Record one’s own time off (a provider record is needed)',
  // Supply.
  'stock.read': 'Read the catalogue, stock, ledger, equipment and purchasing',
  'stock.manage': 'Receive, dispense, transfer, adjust, write off and return stock; purchasing',
  'stock.issue': 'Issue stock from any location',
  'stock.issue.ward-cabinet': 'Issue stock from a ward cabinet only',
  'catalogue.manage': 'Maintain supply items, locations and suppliers',
  'equipment.manage': 'Maintain equipment and its maintenance log',
  // Finance.
  'price.read': 'Read the price list',
  'price.manage': 'Maintain the price list, billing facilities and provider specialties',
  'finance.read': 'Read every patient’s charges, invoices, payments, claims and the finance reports',
  'invoice.manage': 'Create, price and void charges; draft, discount, issue and void invoices; credit notes',
  'money.collect': 'Record payments; apply and refund patient credit',
  'insurance.manage': 'Maintain insurance policies; create, submit and settle claims',
} as const satisfies Record<string, string>;

export type Capability = keyof typeof CapabilityDescriptions;

export const Capabilities = Object.keys(CapabilityDescriptions) as Capability[];

export const isCapability = (value: unknown): value is Capability => typeof value === 'string' && Object.hasOwn(CapabilityDescriptions, value);
