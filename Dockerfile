# syntax=docker/dockerfile:1
# Production image: one stateless instance of the app, the standalone server
# (.next/standalone, see scripts/standalone.mjs) run by Node alone as a
# non-root user. Run several of them on one PostgreSQL (DATABASE_URL) with S3
# storage (S3_*) and the same AUTH_SECRET and ENCRYPTION_KEY; apply the
# migrations once per release with the same image:
#   docker run --rm -e DATABASE_URL=... <image> node migrate.mjs deploy
# compose.yaml does it in its `migrate` service. tests/fault/standalone.test.ts
# runs these same steps without a container engine.

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# next build, then the standalone folder completed: static assets, server.js
# (scripts/serve.mjs), migrate.mjs with the schema engine.
RUN npm run build

FROM node:20-bookworm-slim AS runner
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME_BIND=0.0.0.0
COPY --from=build --chown=root:root /app/.next/standalone ./
# The only folders the process may write: data/ (local seal or key when no
# setting is given, demo only) and storage/ (files, when S3 is not configured).
RUN mkdir -p data storage && chown node:node data storage
USER node
EXPOSE 3000
# Liveness as PRODUCT.md says (database answers); /api/ready is for the load balancer.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# server.js stops accepting on SIGTERM, finishes in-flight requests (zip
# downloads included) within SHUTDOWN_TIMEOUT_MS, then exits.
STOPSIGNAL SIGTERM
# The V8 heap limit measured in the README's "Memory" section (SERVER_HEAP_MB):
# under load the default limit let RSS grow to about 965 MiB; 320 MiB held.
CMD ["node", "--max-old-space-size=320", "server.js"]
