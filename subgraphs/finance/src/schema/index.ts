import { builder } from '../builder.ts';
import './refs.ts';
import './enums.ts';
import './price-list.ts';
import './charge.ts';
import './invoice.ts';
import './invoice-mutations.ts';
import './payment.ts';
import './online-payment.ts';
import './credit-note.ts';
import './insurance.ts';
import './statement.ts';
import './reports.ts';

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
