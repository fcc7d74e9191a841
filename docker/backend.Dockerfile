# Diandan (点单) backend image: one image, three roles.
#
#   API (default CMD)  node dist/backend/backend/src/main.js      HTTP on $PORT (3000), API under /api
#   worker             node dist/backend/backend/src/worker.js    BullMQ consumers + deadline reconciler
#   migrate (one-shot) node dist/backend/backend/src/cli/prepare.js, then …/cli/seed.js
#
# Build from the repository root (compose.yml does this):
#   docker build -f docker/backend.Dockerfile -t diandan-backend .
# The build context is trimmed by docker/backend.Dockerfile.dockerignore (needs BuildKit, the
# default builder of current Docker releases).
#
# Build arguments:
#   NODE_IMAGE           base image of every stage (default node:20-bookworm-slim)
#   NPM_CONFIG_REGISTRY  npm registry to install from (e.g. a mirror close to the servers)

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------------
# toolchain: what `npm install` needs when a native addon has to be compiled. argon2 ships
# prebuilt binaries, and node-gyp-build uses them when they load; where one does not (it has
# been seen to crash at load on some hosts), argon2's install script falls back to node-gyp,
# which needs python3, make and g++. The Node headers come with the image (/usr/local/include),
# so nothing is downloaded for the compilation. Only the build stages carry this toolchain.
FROM ${NODE_IMAGE} AS toolchain
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
ENV npm_config_nodedir=/usr/local \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    SCARF_ANALYTICS=false
WORKDIR /app

# ---------------------------------------------------------------------------------------------
# build: every dependency (TypeScript included), then the backend and the migrations compiled
# to plain JavaScript in dist/backend.
FROM toolchain AS build
ARG NPM_CONFIG_REGISTRY=https://registry.npmjs.org/
ENV NX_NO_CLOUD=true \
    NX_DAEMON=false
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm install --no-audit --no-fund
COPY tsconfig.base.json ./
COPY backend/tsconfig.app.json backend/
COPY backend/src backend/src
COPY migrations migrations
# The same compiler invocation as `nx run backend:build`; outputs dist/backend/backend/src/**
# and dist/backend/migrations/** (rootDir is the repository root).
RUN npx tsc -p backend/tsconfig.app.json

# ---------------------------------------------------------------------------------------------
# prod-deps: runtime dependencies only, from the same lockfile. The runtime is plain JavaScript,
# so TypeScript, Nx, Jest and the other devDependencies are left out. Built on the same base
# image as the runtime, so a natively compiled argon2 matches it.
FROM toolchain AS prod-deps
ARG NPM_CONFIG_REGISTRY=https://registry.npmjs.org/
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm install --omit=dev --no-audit --no-fund

# ---------------------------------------------------------------------------------------------
# runtime
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    NODE_OPTIONS=--enable-source-maps
WORKDIR /app
# A font with Chinese glyphs for the printable contract PDF (CONTRACT_PDF_FONT).
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-wqy-microhei \
    && rm -rf /var/lib/apt/lists/*
# Owned by root and read-only to the process (logs go to stdout).
COPY --from=prod-deps /app/package.json ./package.json
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist/backend ./dist/backend
# The only place the process writes: the audit checkpoint signing key and the checkpoint file (the
# audit-anchor volume of compose.yml is mounted here; a new volume takes this owner).
RUN mkdir -p /var/lib/diandan/audit && chown node:node /var/lib/diandan/audit && chmod 700 /var/lib/diandan/audit
# The unprivileged user of the official Node images (uid 1000).
USER node
EXPOSE 3000
# Liveness of the API (GET /api/health; there is no curl in the slim image, so Node's fetch).
# The worker and the migrate job run this image without HTTP: compose.yml disables the check
# for them.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Nest's shutdown hooks handle SIGTERM (graceful stop); compose.yml adds an init process.
CMD ["node", "dist/backend/backend/src/main.js"]
