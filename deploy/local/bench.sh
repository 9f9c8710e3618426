#!/usr/bin/env bash
# Measures the portal beside the machine's own limits, in one run: pgbench against the submission path,
# raw MailKit against acknowledgement latency and the mail backlog drain, and a responder's inbox and case page with
# 100,000 reports in the database. Prints one table and writes it to
# docs/benchmark-latest.md. Uses its own PostgreSQL cluster in .data/bench-postgres and a fresh database.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$repo/deploy/local/lib.sh"

pg_port=${PORTAL_BENCH_PG_PORT:-5474}
site_port=${PORTAL_BENCH_SITE_PORT:-5490}
smtp_port=${PORTAL_BENCH_SMTP_PORT:-2590}
concurrency=${BENCH_CONCURRENCY:-16}
submissions=${BENCH_SUBMISSIONS:-10000}
warmup=${BENCH_WARMUP:-500}
ack_rate=${BENCH_ACK_RATE:-100}
ack_seconds=${BENCH_ACK_SECONDS:-30}
console_reports=${BENCH_CONSOLE_REPORTS:-100000}
console_requests=${BENCH_CONSOLE_REQUESTS:-300}
smtp_connections=8
output=${BENCH_OUTPUT:-$repo/docs/benchmark-latest.md}

ensure_packages postgresql:'/usr/lib/postgresql/*/bin/postgres' python3-aiosmtpd:'/usr/lib/python3/dist-packages/aiosmtpd' \
    postgresql-client:psql curl:curl
require_free_port "$site_port" "the benchmarked site"
require_free_port "$smtp_port" "the benchmark's SMTP sink"

work=$(mktemp -d)
results=$work/results
touch "$results"
pg_dir=$(pg_data_dir bench-postgres)
pg_password=$(secret bench-postgres-password)
site_pid=
sink_pid=
cleanup() {
    trap - INT TERM EXIT
    [ -n "$site_pid" ] && kill "$site_pid" 2>/dev/null && wait "$site_pid" 2>/dev/null
    [ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null && wait "$sink_pid" 2>/dev/null
    [ "${pg_started:-0}" -eq 1 ] && pg_stop "$pg_dir"
    rm -rf "$work"
    return 0
}
trap cleanup INT TERM EXIT
pg_start "$pg_dir" "$pg_port" "$pg_password"

export PGPASSWORD=$pg_password
database=reportingportal_bench
sql() { psql -h 127.0.0.1 -p "$pg_port" -U portal -d "${2:-$database}" -v ON_ERROR_STOP=1 -qtAc "$1"; }
sql "drop database if exists $database with (force)" postgres
sql "create database $database" postgres

log "building the site and the load generator (Release)"
dotnet build "$repo/src/ReportingPortal.Web/ReportingPortal.Web.csproj" -c Release -nologo -v quiet >/dev/null
dotnet build "$repo/tests/ReportingPortal.Benchmarks/ReportingPortal.Benchmarks.csproj" -c Release -nologo -v quiet >/dev/null
bench() { dotnet "$repo/tests/ReportingPortal.Benchmarks/bin/Release/net10.0/ReportingPortal.Benchmarks.dll" "$@"; }

mkdir -p "$work/mail"
/usr/bin/python3 "$repo/tests/ReportingPortal.Testing/smtp_server.py" "$smtp_port" "$work/mail" > "$work/sink.log" &
sink_pid=$!
for _ in $(seq 1 100); do grep -q ready "$work/sink.log" && break; sleep 0.1; done
grep -q ready "$work/sink.log" || { log "the SMTP sink did not start"; exit 1; }

now_ns() { date +%s%N; }
peak_rss_mb=0
record_peak_rss() {
    local kb
    kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$site_pid/status" 2>/dev/null || echo 0)
    [ $((kb / 1024)) -gt "$peak_rss_mb" ] && peak_rss_mb=$((kb / 1024))
    return 0
}

# Every submission solves a real ALTCHA challenge that the site verifies, made small (1,000 tries at most) and
# fixed (the ceiling equals it: thousands of reports a minute would otherwise raise it) so the load generator
# spends its time on the form, not on proof of work; one client address, so no limits.
altcha_key=$(head -c 32 /dev/urandom | base64)

# start_site RUN_JOB_SERVER: the site as operators run it, Release build, Production, its own process.
start_site() {
    ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="http://127.0.0.1:$site_port" \
    ConnectionStrings__Portal="Host=127.0.0.1;Port=$pg_port;Database=$database;Username=portal;Password=$pg_password" \
    Receipts__SecretKey="$(head -c 32 /dev/urandom | base64)" \
    Console__Address="http://127.0.0.1:$site_port" \
    Smtp__Host=127.0.0.1 Smtp__Port="$smtp_port" Smtp__Security=None Smtp__MaxConnections=$smtp_connections \
    Smtp__From="Portal forwards <no-reply@portal.bench>" \
    Jobs__RunServerInWebSite="$1" \
    Captcha__Provider=altcha Captcha__Altcha__HmacKey="$altcha_key" Captcha__Altcha__MaxNumber=1000 \
    Captcha__Altcha__MaxNumberCeiling=1000 \
    RateLimits__Reports__PermitLimit=100000000 RateLimits__ReportSteps__PermitLimit=100000000 \
    RateLimits__UnverifiedReports__PermitLimit=100000000 \
    RateLimits__Challenges__PermitLimit=100000000 \
    dotnet "$repo/src/ReportingPortal.Web/bin/Release/net10.0/ReportingPortal.Web.dll" \
        --contentRoot "$repo/src/ReportingPortal.Web" > "$work/site.log" 2>&1 &
    site_pid=$!
    for _ in $(seq 1 240); do
        curl -fsS -o /dev/null "http://127.0.0.1:$site_port/health" 2>/dev/null && return 0
        kill -0 "$site_pid" 2>/dev/null || { cat "$work/site.log" >&2; log "the site stopped during start-up"; exit 1; }
        sleep 0.25
    done
    log "the site did not become healthy"; exit 1
}

stop_site() {
    record_peak_rss
    kill "$site_pid" 2>/dev/null || true
    wait "$site_pid" 2>/dev/null || true
    site_pid=
}

log "(a) raw limit: pgbench, one-row INSERT of 2 KB per transaction, $concurrency clients"
sql "create table bench_inserts (id bigint generated always as identity primary key, body text not null, received_at timestamptz not null default now())"
printf "insert into bench_inserts (body) values ('%s');\n" "$(head -c 4096 /dev/urandom | base64 -w0 | head -c 2048)" > "$work/insert.sql"
(cd "$work" && "$(pg_bin)/pgbench" -h 127.0.0.1 -p "$pg_port" -U portal -n -c "$concurrency" -j 2 -T 20 \
    -f "$work/insert.sql" -l --log-prefix="$work/pglog" "$database" > "$work/pgbench.out" 2>&1)
tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$work/pgbench.out" | tail -n 1)
echo "pgbench_tps=$tps" >> "$results"
cat "$work"/pglog.* | awk '{ print $3 / 1000 }' | sort -n > "$work/pgbench.latencies"
lines=$(wc -l < "$work/pgbench.latencies")
for p in 50 95 99; do
    echo "pgbench_p${p}_ms=$(sed -n "$(( (lines * p + 99) / 100 ))p" "$work/pgbench.latencies")" >> "$results"
done
sql "drop table bench_inserts"
grep pgbench "$results"

log "(b) the submission path: $submissions reports (first $warmup a warm-up), $concurrency at once, job server off"
start_site false
bench submit --url "http://127.0.0.1:$site_port" --concurrency "$concurrency" --count "$submissions" --warmup "$warmup" \
    --results "$results" || log "some submissions failed (see above)"
stop_site

log "(d) the mail backlog: the job server starts on $(sql "select count(*) from reports") reports' owed mail"
echo "backlog_reports=$(sql "select count(*) from reports")" >> "$results"
echo "backlog_emails=$(sql "select count(*) from mail_deliveries where status = 'Pending'")" >> "$results"
drain_start=$(now_ns)
start_site true
for _ in $(seq 1 1200); do
    [ "$(sql "select count(*) from mail_deliveries where status = 'Pending'")" -eq 0 ] && break
    sleep 0.5
done
bench mail-window --mail-dir "$work/mail" --after "$drain_start" --prefix drain --results "$results"
emails=$(sed -n 's/^drain_count=//p' "$results" | tail -n 1)

log "(d) raw limit: MailKit alone sends $emails messages over $smtp_connections connections to the same server"
raw_start=$(now_ns)
bench raw-mail --host 127.0.0.1 --port "$smtp_port" --count "$emails" --connections $smtp_connections --prefix raw --results "$results"
bench mail-window --mail-dir "$work/mail" --after "$raw_start" --prefix raw_window --results "$results"

log "(c) acknowledgement latency at $ack_rate reports/s for $ack_seconds s"
bench acknowledgements --url "http://127.0.0.1:$site_port" --rate "$ack_rate" --seconds "$ack_seconds" --mail-dir "$work/mail" \
    --results "$results" || log "some acknowledgements failed or never arrived (see above)"
stop_site
log "(c) raw limit: MailKit alone sends one message every $((1000 / ack_rate)) ms over one connection"
bench raw-mail --host 127.0.0.1 --port "$smtp_port" --count $((ack_rate * 10)) --rate "$ack_rate" --connections 1 --prefix raw_steady --results "$results"

existing=$(sql "select count(*) from reports")
log "(e) the console with $console_reports reports: $((console_reports > existing ? console_reports - existing : 0)) more seeded with their cases, then inbox and case page latency"
psql -h 127.0.0.1 -p "$pg_port" -U portal -d "$database" -v ON_ERROR_STOP=1 -q \
    -v reports=$((console_reports > existing ? console_reports - existing : 0)) -f "$repo/tests/ReportingPortal.Benchmarks/seed-cases.sql"
start_site false
bench console --url "http://127.0.0.1:$site_port" --requests "$console_requests" --warmup 30 --results "$results" \
    --database "Host=127.0.0.1;Port=$pg_port;Database=$database;Username=portal;Password=$pg_password" \
    || log "some console pages did not answer 200 (see above)"
stop_site

echo "site_peak_rss_mb=$peak_rss_mb" >> "$results"
machine="$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)), $(free -g | awk '/^Mem:/ { print $2 }') GB memory, PostgreSQL $("$(pg_bin)/postgres" --version | awk '{ print $3 }'), .NET $(dotnet --version)"
bench report --results "$results" --out "$output" --machine "$machine" --note "${BENCH_NOTE:-}"
log "written to ${output#"$repo"/}"
