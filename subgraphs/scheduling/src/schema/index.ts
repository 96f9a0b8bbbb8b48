import { builder } from '../builder.ts';
import './appointment.ts';
import './booking.ts';
import './live.ts';
import './schedule.ts';
import './slots.ts';
import './waitlist.ts';

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
