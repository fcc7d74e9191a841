#!/usr/bin/env bash
# `npm test`: the whole suite — lint, unit tests (backend + frontend), integration and HTTP tests
# against a fresh MariaDB schema and the real Redis, then Playwright in Chromium against the built
# app on its own fresh schema. Ends with one summary line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export NX_NO_CLOUD=true NX_DAEMON=false NG_CLI_ANALYTICS=false
bash scripts/install.sh || exit 1
bash scripts/ensure-services.sh || exit 1
mkdir -p tmp/test-results
rm -f tmp/test-results/*.json
failed_steps=()
step() { local name=$1; shift; echo; echo "=== $name"; "$@" || failed_steps+=("$name"); }

step lint npx nx run-many -t lint -p backend frontend --skip-nx-cache
step format npx prettier --check . --log-level warn
step typecheck npx tsc -p backend/tsconfig.spec.json --noEmit
step unit-backend npx jest -c backend/jest.config.ts --ci --json --outputFile=tmp/test-results/unit-backend.json
step unit-frontend npx jest -c frontend/jest.config.ts --ci --json --outputFile=tmp/test-results/unit-frontend.json
# Times shown to people are Beijing time whatever the machine's or browser's zone (issue #9, D7): the
# date and time specs run again under a zone behind UTC with daylight saving and under Beijing's own, so
# a local/UTC mix-up fails somewhere (the whole frontend suite takes minutes; these take seconds).
TIME_SPECS_FRONTEND=(
  frontend/src/app/shared/dates.spec.ts
  frontend/src/app/features/needs/data
  frontend/src/app/features/audit/pages/audit-log/audit-query.spec.ts
  frontend/src/app/features/procurement/data/tender-rules.spec.ts
  frontend/src/app/features/procurement/pages/tender-wizard/tender-wizard.page.spec.ts
  frontend/src/app/features/organisations/data/blacklist-period.spec.ts
  frontend/src/app/features/funds/pages/line-ledger/line-ledger.page.spec.ts
)
TIME_SPECS_BACKEND=(
  backend/src/platform/i18n
  backend/src/modules/needs/services/timeline-text.spec.ts
  backend/src/modules/procurement/domain/tender-periods.spec.ts
  backend/src/modules/regions/domain
)
for tz in America/New_York Asia/Shanghai; do
  name=${tz//\//-}
  step "unit-time-frontend ($tz)" env TZ="$tz" npx jest -c frontend/jest.config.ts --ci --json \
    --outputFile="tmp/test-results/unit-time-frontend-$name.json" "${TIME_SPECS_FRONTEND[@]}"
  step "unit-time-backend ($tz)" env TZ="$tz" npx jest -c backend/jest.config.ts --ci --json \
    --outputFile="tmp/test-results/unit-time-backend-$name.json" "${TIME_SPECS_BACKEND[@]}"
done
step integration npx jest -c backend/jest.int.config.ts --runInBand --ci --json --outputFile=tmp/test-results/integration.json
step build npx nx run-many -t build -p backend frontend --skip-nx-cache
step e2e-browser bash e2e/run.sh

node -e '
const fs = require("fs");
let passed = 0, failed = 0, skipped = 0;
for (const f of fs.readdirSync("tmp/test-results").filter((f) => f.endsWith(".json"))) {
  const r = JSON.parse(fs.readFileSync("tmp/test-results/" + f, "utf8"));
  passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests;
  console.log(`${f.replace(".json", "")}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}
console.log(`\ntests: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
'
if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "FAILED steps: ${failed_steps[*]}"
  exit 1
fi
echo "all steps passed"
