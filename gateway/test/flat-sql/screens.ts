/**
 * The list documents of the screens issue 13 measures, with the selections the web app sends (each names
 * its web document). The flat-SQL tests count their statements; the index-plan check EXPLAINs them.
 */

/**
 * The reception day board: the web's DayAppointments document (features/appointments/live.ts with
 * AppointmentFields) plus each patient's open invoices and their balance from finance, as issue 13 measures it.
 */
export const DAY_BOARD = `query DayBoard($from: DateTime!, $to: DateTime!, $facilityId: ID) {
  appointments(from: $from, to: $to, facilityId: $facilityId) {
    id startsAt endsAt localDate status reason updatedAt queueToken queuePosition
    type { id name }
    patient { id displayName mrn invoices(status: ISSUED) { nodes { id balanceMinor } } }
    provider { id displayName }
    facility { id name timezone }
  }
}`;

/** The doctor's patient chart: the web's PatientChart document (areas/doctor, with AllergyFields, PrescriptionFields, LabOrderFields). */
export const PATIENT_CHART = `query PatientChart($id: ID!) {
  patient(id: $id) {
    id displayName mrn dateOfBirth sex bloodGroup chronicConditions phone
    allergies { id substance severity reaction }
    encounters { id status openedAt chiefComplaint provider { displayName } }
    prescriptions { id status createdAt items { id medicineName dose route frequency durationDays quantity dispensedQuantity } }
    labOrders { id status orderedAt items { id testName unit referenceLow referenceHigh result { value text flag } } }
  }
}`;

/** The billing desk's list: the web's Invoices document (features/invoices, InvoiceSummary). */
export const INVOICES = `query Invoices($status: InvoiceStatus, $patientId: ID, $first: Int) {
  invoices(status: $status, patientId: $patientId, first: $first) {
    nodes { id number status currency totalMinor balanceMinor patientBalanceMinor issuedAt dueDate patient { id displayName } }
  }
}`;

/** The pharmacy's stock levels: the web's StockBalances document (areas/pharmacy/StockLevels.tsx). */
export const STOCK_BALANCES = `query StockBalances($facilityId: ID!) {
  stockBalances(filter: { facilityId: $facilityId }) {
    quantity
    item { id name unit reorderLevel }
    location { id name }
  }
}`;

/** The lab's worklist: the web's LabWorklist document (areas/lab/queries.ts, WorklistOrderFields). */
export const LAB_WORKLIST = `query LabWorklist($statuses: [LabOrderStatus!]) {
  labWorklist(statuses: $statuses) {
    id status priority orderedAt specimen clinicalInfo
    patient { id displayName mrn }
    orderingProvider { displayName }
    items { id testName result { flag } }
  }
}`;
