import { builder } from '../builder.ts';
import './encounter.ts';
import './vitals.ts';
import './note.ts';
import './diagnosis.ts';
import './prescription.ts';
import './renewal.ts';
import './lab.ts';
import './radiology.ts';
import './certificate.ts';
import './dental.ts';
import './referral.ts';
import './document.ts';
import './critical.ts';
import './live.ts';
import './lab-live.ts';
import './prescription-live.ts';

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
