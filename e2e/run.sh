#!/usr/bin/env bash
# Browser end-to-end tests: the built app (dist/: API + worker) on its own fresh schema and port, driven by
# Playwright (playwright-core) in Debian's Chromium. Screenshots go to docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
run="e2e_$(date +%s)_$$"
export DB_NAME="diandan_test_${run}" QUEUE_PREFIX="diandan_test_${run}" PORT=${E2E_PORT:-3199}
export STATIC_DIR="$PWD/dist/frontend/browser" LOG_LEVEL=warn AUTH_RATE_LIMIT=10000 NODE_ENV=test
# The journeys take a survey with a handful of residents: below this many answers the satisfaction leaf is scored by hand.
export EVALUATION_SURVEY_MIN_ANSWERS="${EVALUATION_SURVEY_MIN_ANSWERS:-3}"
export E2E_BASE_URL="http://127.0.0.1:${PORT}"
# A throwaway schema: migrated and served as the administrative account, not as the accounts `npm start` keeps in
# .env (those only have rights on the deployment's own database).
export DB_USER="${DB_ADMIN_USER:-root}" DB_PASSWORD="${DB_ADMIN_PASSWORD:-}"
export DB_MIGRATION_USER="$DB_USER" DB_MIGRATION_PASSWORD="$DB_PASSWORD"
[ -f dist/backend/backend/src/main.js ] && [ -f dist/frontend/browser/index.html ] || { echo "e2e: build first (npx nx run-many -t build)"; exit 1; }

mkdir -p tmp/test-results
node dist/backend/backend/src/cli/migrate.js
node dist/backend/backend/src/cli/seed.js
node dist/backend/backend/src/main.js > tmp/e2e-api.log 2>&1 &
api=$!
node dist/backend/backend/src/worker.js > tmp/e2e-worker.log 2>&1 &
worker=$!
cleanup() {
  kill "$api" "$worker" 2>/dev/null || true
  wait "$api" "$worker" 2>/dev/null || true
  node -e "const m=require('mysql2/promise');m.createConnection({host:process.env.DB_HOST||'127.0.0.1',port:+(process.env.DB_PORT||3306),user:process.env.DB_USER||'root',password:process.env.DB_PASSWORD||''}).then(async c=>{await c.query('DROP DATABASE IF EXISTS \`'+process.env.DB_NAME+'\`');await c.end()})" || true
}
trap cleanup EXIT
for _ in $(seq 1 60); do curl -fsS "$E2E_BASE_URL/api/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS "$E2E_BASE_URL/api/health/ready" >/dev/null || { echo "e2e: API did not become ready"; cat tmp/e2e-api.log; exit 1; }
npx jest -c e2e/jest.config.ts --runInBand --ci --json --outputFile=tmp/test-results/e2e-browser.json "$@"
