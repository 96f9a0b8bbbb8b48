import { builder } from '../builder.ts';
import { issueServiceToken } from '../services/service-tokens.ts';

const ServiceToken = builder.objectRef<{ accessToken: string; expiresAt: Date }>('ServiceToken').implement({
  description: "A short-lived token a subgraph's background work acts with.",
  inaccessible: true,
  fields: (t) => ({
    accessToken: t.exposeString('accessToken'),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

builder.mutationField('issueServiceToken', (t) =>
  t.field({
    type: ServiceToken,
    // Not part of the public API: the gateway never routes it; a subgraph asks people's own endpoint.
    inaccessible: true,
    description: 'A service token for a subgraph proving the deployment service credential (CLINIGRAPH_SERVICE_SECRET). UNAUTHENTICATED otherwise.',
    args: { service: t.arg.string({ required: true }), secret: t.arg.string({ required: true }) },
    resolve: (_root, { service, secret }, ctx) => issueServiceToken(ctx, service, secret),
  }),
);
