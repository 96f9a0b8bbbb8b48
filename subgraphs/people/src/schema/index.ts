import { builder } from '../builder.ts';
import './account.ts';
import './audit.ts';
import './emergency-access.ts';
import './facility.ts';
import './mfa.ts';
import './patient.ts';
import './patient-merge.ts';
import './provider.ts';
import './service-token.ts';
import './sessions.ts';
import './sign-in-activity.ts';

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
