import { createBuilder } from '@clinigraph/kit';

export const builder = createBuilder();

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({
  description: 'Live updates. Served by the gateway over graphql-ws on /graphql; each event is resolved as a query with the subscriber’s identity.',
});
