# Diandan (点单) web image: the Angular UI built with Node, served by nginx, which also proxies
# /api/ to the API containers (docker/nginx.conf).
#
# Build from the repository root (compose.yml does this):
#   docker build -f docker/frontend.Dockerfile -t diandan-web .
# The build context is trimmed by docker/frontend.Dockerfile.dockerignore (BuildKit).
#
# Build arguments:
#   NODE_IMAGE           image of the build stage (default node:20-bookworm-slim)
#   NGINX_IMAGE          image of the runtime stage (default nginx:1.27-alpine)
#   NPM_CONFIG_REGISTRY  npm registry to install from (e.g. a mirror close to the servers)

ARG NODE_IMAGE=node:20-bookworm-slim
ARG NGINX_IMAGE=nginx:1.27-alpine

# ---------------------------------------------------------------------------------------------
# build: `nx run frontend:build` (production configuration) → dist/frontend/browser
FROM ${NODE_IMAGE} AS build
ARG NPM_CONFIG_REGISTRY=https://registry.npmjs.org/
# `npm install` installs the whole workspace, argon2 included; python3, make and g++ let its
# install script compile it where the prebuilt binary does not load (see backend.Dockerfile).
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
ENV npm_config_nodedir=/usr/local \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    SCARF_ANALYTICS=false \
    NX_NO_CLOUD=true \
    NX_DAEMON=false \
    NG_CLI_ANALYTICS=false \
    CI=true
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm install --no-audit --no-fund
COPY nx.json tsconfig.base.json ./
# The one permission list the frontend shares with the backend (path alias @diandan/access).
COPY backend/src/platform/access/permissions.ts backend/src/platform/access/permissions.ts
COPY frontend frontend
RUN npx nx run frontend:build --skip-nx-cache

# ---------------------------------------------------------------------------------------------
# runtime: static files + reverse proxy
FROM ${NGINX_IMAGE} AS runtime
RUN rm -rf /usr/share/nginx/html/*
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/dist/frontend/browser /usr/share/nginx/html
EXPOSE 80
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
    CMD wget -q -O /dev/null http://127.0.0.1/nginx-health || exit 1
