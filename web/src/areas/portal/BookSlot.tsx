import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { BookingForm } from '../../features/booking/BookingForm.tsx';
import { FacilitySelect } from '../../features/FacilitySelect.tsx';
import { useFacilityChoice } from '../../features/facilities.ts';

/** The patient finds a free time by specialty, provider or first available, and books it. */
export function BookSlot() {
  const place = useFacilityChoice();
  return (
    <section class="page" aria-labelledby="book-slot-title">
      <h1 id="book-slot-title">Book an appointment</h1>
      <FacilitySelect facilities={place.facilities()} value={place.facility()?.id} onChange={place.choose} />
      <Show when={place.facility()} fallback={<p role="status">Loading clinics…</p>}>
        {(facility) => <BookingForm facility={facility()} today={place.today()} staff={false} />}
      </Show>
      <p>
        <A href="/portal">Back to my appointments</A>
      </p>
    </section>
  );
}
