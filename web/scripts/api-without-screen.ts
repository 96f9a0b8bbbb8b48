/**
 * Root fields of the API that no screen of the web app uses, each with the reason. The coverage test
 * (api-coverage.test.ts) fails when a root field is neither used by a screen nor listed here, and when an
 * entry here went stale. `PENDING` marks a capability that should get a screen and has none yet.
 */
export const PENDING = 'Pending (issue 11): should get a screen and has none yet.';

const LIVE = 'The gateway resolves live subscription payloads through it; screens receive them through the subscription.';
const JOB = 'Runs a scheduled job at once (operators, tests); the job scheduler runs it on its own (README, "Scheduled jobs").';
const BY_ID = 'A lookup by id for partner apps; screens read the same record through the lists and pages that embed it.';

export const API_WITHOUT_SCREEN: Record<string, string> = {
  'query.appointmentEvent': LIVE,
  'query.criticalLabResultEvent': LIVE,
  'query.encounterEvent': LIVE,
  'query.labOrderEvent': LIVE,
  'query.prescriptionFinalisedEvent': LIVE,
  'query.queueEvent': LIVE,
  'query.stockEvent': LIVE,
  'mutation.expireWaitlistOffers': JOB,
  'mutation.runExpiryCheck': JOB,
  'query.note': BY_ID,
  'query.icd10Code': BY_ID,
  'query.renewalRequest': BY_ID,
  'query.facility': BY_ID,
  'query.provider': BY_ID,
  'query.account': BY_ID,
  'query.item': BY_ID,
  'query.location': BY_ID,
  'query.lot': BY_ID,
  'query.purchaseOrder': BY_ID,
  'mutation.paymentProviderWebhook': 'Called by the payment provider (its signed webhook confirms a card payment), never by a person.',
  'query.stockReconciliation': 'An integrity proof for operators and auditors (every balance equals its movements), run from the API.',
  'query.radiologyOrder': BY_ID,
  'query.accountSessions':
    'For support: which devices a user is signed in on. The Users page ends all of a user’s sessions at once (endAccountSessions), which is what a lost device or a leaver needs.',
};
