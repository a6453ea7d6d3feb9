#!/usr/bin/env bash
# `npm test`: every suite, cheapest first, as CI runs it. Integration and end-to-end suites
# run twice: on the embedded PGlite and on a throwaway PostgreSQL 15 server. A failing suite does
# not stop the others: every suite runs, the closing line counts them all, and the exit status is
# non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
step() { printf '\n== %s (%s)\n' "$1" "$(date +%T)"; }
failures=()
# run NAME COMMAND...: runs one suite and remembers it when it fails.
run() {
  local name=$1
  shift
  step "$name"
  if "$@"; then return 0; fi
  failures+=("$name")
  return 1
}

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Chromium is missing: apt-get install -y chromium (Playwright uses Debian's build)." >&2
  exit 1
fi

run "format check" npx prettier --check . --log-level warn
run "lint" npx eslint . --max-warnings 0
run "typecheck" npx tsc --noEmit
run "unit + integration tests on PGlite" \
  npx vitest run --reporter=default --reporter=json --outputFile="$results/vitest-pglite.json"
run "integration tests on PostgreSQL 15" \
  npx tsx scripts/with-postgres.ts -- npx vitest run .int.test --reporter=default --reporter=json \
  --outputFile="$results/vitest-postgresql.json"
if run "production build" npx next build; then
  run "end-to-end on PGlite" env PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e-pglite.json" \
    npx playwright test --reporter=list,json
  run "end-to-end on PostgreSQL 15" env PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e-postgresql.json" \
    npx tsx scripts/with-postgres.ts -- npx playwright test --reporter=list,json
fi
summary_status=0
node scripts/summarize-tests.mjs "$results" || summary_status=$?
if [ ${#failures[@]} -gt 0 ]; then
  echo "failed suites: ${failures[*]}"
  exit 1
fi
exit "$summary_status"
