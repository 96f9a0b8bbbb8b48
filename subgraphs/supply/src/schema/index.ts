import { builder } from '../builder.ts';
import './catalogue.ts';
import './stock.ts';
import './operations.ts';
import './alerts.ts';
import './purchasing.ts';
import './equipment.ts';
import './live.ts';

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
