#!/usr/bin/env bash
# Builds the portal and runs every test against a private PostgreSQL that this script starts (or reuses).
# Each run creates its own fresh database. Exits non-zero when a test fails.
# Extra arguments go to dotnet test, e.g. --filter TestCategory=Browser.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$repo/deploy/local/lib.sh"

pg_port=${PORTAL_TEST_PG_PORT:-5434}
configuration=${CONFIGURATION:-Release}

ensure_packages postgresql:'/usr/lib/postgresql/*/bin/postgres' python3-aiosmtpd:'/usr/lib/python3/dist-packages/aiosmtpd' chromium:/usr/bin/chromium

pg_dir=$(pg_data_dir test-postgres)
pg_password=$(secret test-postgres-password)
cleanup() { [ "${pg_started:-0}" -eq 1 ] && pg_stop "$pg_dir"; return 0; }
trap cleanup EXIT
pg_start "$pg_dir" "$pg_port" "$pg_password"

export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=portal;Password=$pg_password"
export PORTAL_TEST_POSTGRES_DATA="$pg_dir"

log "building"
dotnet build "$repo/ReportingPortal.sln" -c "$configuration" -nologo -v quiet

results=$(mktemp -d)
status=0
dotnet test "$repo/ReportingPortal.sln" -c "$configuration" --no-build --nologo \
    --logger "console;verbosity=normal" --logger "trx;LogFilePrefix=results" --results-directory "$results" "$@" \
    || status=$?

# One closing line for every test project together.
summary=$(cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*' | awk '
    { for (i = 2; i <= NF; i++) { split($i, kv, "="); gsub(/[^0-9]/, "", kv[2]); n[kv[1]] += kv[2] } }
    END { printf "%d %d %d", n["passed"], n["failed"] + n["error"] + n["timeout"] + n["aborted"], n["total"] - n["executed"] }')
rm -rf "$results"
read -r passed failed skipped <<<"${summary:-0 0 0}"
if [ $((passed + failed)) -eq 0 ]; then
    echo "no test ran" >&2
    [ $status -ne 0 ] || status=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
