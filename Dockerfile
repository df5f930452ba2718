# syntax=docker/dockerfile:1
# One image for the API (which serves the web app) and the worker; the command picks the process:
#   docker run liaison            → the API on $PORT (3000)
#   docker run liaison worker     → a worker (health on $WORKER_HEALTH_PORT, 3001)
#   docker run liaison migrate    → apply migrations and exit
# Every build and start step is scripts/image/image.mjs, which CI also runs outside Docker.

# Node 22: several runtime dependencies (nestjs-pino 5, cookie 2, file-type 22) declare
# engines >= 22; the sources also run on 20.19+, where CI runs them (require(esm) either way).

# ---- build: all dependencies, compile, lay out /app -----------------------------------------
FROM node:22-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN node scripts/image/image.mjs build /app

# ---- runtime: production dependencies and the compiled app, nothing else ---------------------
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    WORKER_HEALTH_PORT=3001
WORKDIR /app
# Dependencies first: this layer is reused for as long as the lock file is unchanged.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/scripts/image/image.mjs ./scripts/image/image.mjs
RUN node scripts/image/image.mjs install /app
COPY --from=build /app/dist ./dist
# Files stay root's and read-only to the process; it runs as the image's unprivileged `node`.
USER node
EXPOSE 3000 3001
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "scripts/image/image.mjs", "healthcheck"]
ENTRYPOINT ["node", "scripts/image/image.mjs", "start"]
CMD ["api"]
