import { AppError, ErrorCode, type EventRow } from '@clinigraph/kit';
import { builder } from '../builder.ts';
import { StockEventRef } from './types.ts';

const gatewayOnly = () => {
  throw new AppError(ErrorCode.BAD_USER_INPUT, 'Subscribe through the gateway, over graphql-ws on /graphql');
};

builder.subscriptionFields((t) => ({
  stockChanged: t.field({
    type: StockEventRef,
    description:
      'Stock level changes (staff), optionally for one facility, location or item. `after`: a cursor (a StockEvent id) to replay what was missed first. The gateway resolves each event through `stockEvent`.',
    args: { facilityId: t.arg.id(), locationId: t.arg.id(), itemId: t.arg.id(), after: t.arg.string() },
    subscribe: gatewayOnly,
    resolve: (e) => e as EventRow,
  }),
  stockAlerts: t.field({
    type: StockEventRef,
    description: 'Low-stock (stock.low) and expiry (stock.expiring) alerts (staff), optionally for one facility or item. `after`: a cursor to replay from.',
    args: { facilityId: t.arg.id(), itemId: t.arg.id(), after: t.arg.string() },
    subscribe: gatewayOnly,
    resolve: (e) => e as EventRow,
  }),
}));
