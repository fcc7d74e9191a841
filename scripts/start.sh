#!/usr/bin/env bash
# `npm start`: install, check MariaDB + Redis, build, migrate, seed the demo data, then serve the
# API and the UI on one port (UI at /, API at /api) with the BullMQ worker beside it, under a supervisor.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_NO_CLOUD=true NX_DAEMON=false NG_CLI_ANALYTICS=false
[ -f .env ] && set -a && . ./.env && set +a
bash scripts/install.sh
bash scripts/ensure-services.sh
echo "start: building API and UI"
npx nx run-many -t build -p backend frontend --skip-nx-cache=false
node dist/backend/backend/src/cli/prepare.js  # secrets, signing key, database accounts (kept in .env), migrations
[ -f .env ] && set -a && . ./.env && set +a     # what prepare generated, over what the first sourcing exported
node dist/backend/backend/src/cli/seed.js

echo "start: Diandan on http://localhost:${PORT:-3000}  (API docs: http://localhost:${PORT:-3000}/api/docs; demo password Diandan@2026)"
# The supervisor runs the API and the worker, restarts either if it crashes (the other keeps running) and
# stops both gracefully on Ctrl-C. exec: signals reach it directly.
exec node dist/backend/backend/src/cli/supervise.js
