import { cleanup, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { WaitlistEntryInfo } from '../../features/waitlist/fields.ts';
import { formatDate, zoneLabel } from '../../lib/format.ts';
import { accountWith, FACILITY } from '../../testing/render-app.tsx';
import { renderComponent } from '../../testing/render-component.tsx';
import { WaitlistOffers } from './WaitlistOffers.tsx';

afterEach(cleanup);

const zone = { timezone: FACILITY.timezone };
/** Waiting for Dec 1–5 at a New York clinic: from the start of Dec 1 to the end of Dec 5 there. */
const entry: WaitlistEntryInfo = {
  id: 'w1',
  status: 'OFFERED',
  earliest: '2026-12-01T05:00:00.000Z',
  latest: '2026-12-06T04:59:59.000Z',
  priority: 0,
  note: null,
  patient: { id: 'p1', displayName: 'Maria Garcia' },
  provider: null,
  type: { name: 'Consultation' },
  facility: zone,
  offers: [
    {
      id: 'o1',
      startsAt: '2026-12-02T14:00:00.000Z',
      expiresAt: '2026-12-01T14:00:00.000Z',
      status: 'PENDING',
      provider: { displayName: 'Dr Ada' },
      facility: zone,
    },
  ],
};

describe("the patient's waitlist", () => {
  it("shows the window as the clinic's local days, not shifted by its UTC offset", () => {
    renderComponent(() => <WaitlistOffers entries={[entry]} onChanged={() => {}} />, { account: accountWith(['PATIENT']), handlers: {} });
    const waiting = screen.getByText(/Waiting for a Consultation/);
    expect(waiting.textContent).toBe(`Waiting for a Consultation: ${formatDate('2026-12-01')} – ${formatDate('2026-12-05')}`);
  });

  it("gives an offered time in the clinic's zone, named when the reader's clock differs", () => {
    renderComponent(() => <WaitlistOffers entries={[entry]} onChanged={() => {}} />, { account: accountWith(['PATIENT']), handlers: {} });
    const offer = screen.getByText(/is free on/).textContent!;
    expect(offer).toContain('9:00');
    const browserDiffers = zoneLabel(FACILITY.timezone, new Date(entry.offers[0]!.startsAt)) !== '';
    expect(offer.includes('(New York time)')).toBe(browserDiffers);
  });
});
