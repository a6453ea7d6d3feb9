#!/usr/bin/env bash
# `npm test`: every suite, cheapest first, as CI runs it. Integration and end-to-end suites
# run twice: on the embedded PGlite and on a throwaway PostgreSQL 15 server.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
step() { printf '\n== %s (%s)\n' "$1" "$(date +%T)"; }

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Chromium is missing: apt-get install -y chromium (Playwright uses Debian's build)." >&2
  exit 1
fi

step "format check"; npx prettier --check . --log-level warn
step "lint"; npx eslint . --max-warnings 0
step "typecheck"; npx tsc --noEmit
step "unit + integration tests on PGlite"
npx vitest run --reporter=default --reporter=json --outputFile="$results/vitest-pglite.json"
step "integration tests on PostgreSQL 15"
npx tsx scripts/with-postgres.ts -- npx vitest run .int.test --reporter=default --reporter=json --outputFile="$results/vitest-postgresql.json"
step "production build"; npx next build
step "end-to-end on PGlite"
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e-pglite.json" npx playwright test --reporter=list,json
step "end-to-end on PostgreSQL 15"
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e-postgresql.json" npx tsx scripts/with-postgres.ts -- npx playwright test --reporter=list,json
node scripts/summarize-tests.mjs "$results"
