import { createBuilder } from '@clinigraph/kit';

export const builder = createBuilder();

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
