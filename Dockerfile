# Production image: one stateless instance of the app. Run several of them on
# one PostgreSQL (DATABASE_URL) with S3 storage (S3_BUCKET, ...) and the same
# AUTH_SECRET and ENCRYPTION_KEY; apply migrations once per release with
# `docker run --rm <image> npm run db:migrate`. See the README's production
# settings.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Dev dependencies stay: the migration runner (npm run db:migrate) runs on tsx.
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000
COPY --from=build /app ./
USER node
EXPOSE 3000
# The V8 heap limit measured in the README's "Memory" section (SERVER_HEAP_MB):
# under load the default limit let RSS grow to about 965 MiB; 320 MiB held.
CMD ["node", "--max-old-space-size=320", "scripts/serve.mjs"]
