# The one Clinigraph image: migrate, the five subgraphs and the gateway each run it with their own command
# (docker-compose.yml). It holds the compiled JavaScript (npm run build: each package's dist/ and web/dist/) and
# production dependencies only; no tsx, no compiler, no dev tools.
#
#   docker build -t clinigraph .
#   docker run --rm -p 4000:4000 --env-file .env clinigraph            # the gateway (the default command)
#   docker run --rm --env-file .env clinigraph node subgraphs/people/dist/server.js

FROM node:20-slim AS build
WORKDIR /app
# Manifests first, so the dependency layer is reused until one of them changes.
COPY package.json package-lock.json tsconfig.json tsconfig.build.json turbo.json ./
COPY gateway/package.json gateway/
COPY web/package.json web/
COPY subgraphs/kit/package.json subgraphs/kit/
COPY subgraphs/people/package.json subgraphs/people/
COPY subgraphs/care/package.json subgraphs/care/
COPY subgraphs/scheduling/package.json subgraphs/scheduling/
COPY subgraphs/supply/package.json subgraphs/supply/
COPY subgraphs/finance/package.json subgraphs/finance/
RUN npm ci --no-audit --no-fund
COPY schema schema
COPY migrations migrations
COPY subgraphs subgraphs
COPY gateway gateway
COPY web web
ENV TURBO_TELEMETRY_DISABLED=1
RUN npm run build \
  && npm prune --omit=dev --no-audit --no-fund \
  && rm -rf web/src .turbo

FROM node:20-slim
# NODE_OPTIONS: workspace packages resolve to their compiled dist/ (the "clinigraph-dist" condition of their
# package.json "exports"), never to their TypeScript source; stack traces point into that source through the maps.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    NODE_OPTIONS="--conditions=clinigraph-dist --enable-source-maps"
WORKDIR /app
# Owned by root and read-only to the app; only .data (uploaded documents, embedded data) is the app's to write.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/schema schema
COPY --from=build /app/migrations migrations
COPY --from=build /app/subgraphs subgraphs
COPY --from=build /app/gateway gateway
COPY --from=build /app/web web
RUN mkdir -p .data/documents && chown -R node:node .data
USER node
EXPOSE 4000
# node itself is PID 1's child (compose sets init: true), so SIGTERM reaches it and it drains before exiting.
CMD ["node", "gateway/dist/main/gateway.js"]
