#!/usr/bin/env bash
# Measures the portal beside the machine's own limits, in one run, as it is deployed: the web site with its job
# server off and the worker as its own process. pgbench against the submission path, raw MailKit against the mail
# backlog drain (one worker process with the forwards' JSON attachments, one without them, then two on the same
# database) and against acknowledgement latency at 100 and
# 200 reports/s, a responder's inbox and case page with 100,000 reports in the database, and the peak memory of the
# site and of the worker. Prints one table and writes it to docs/benchmark-latest.md. Uses its own PostgreSQL
# cluster in .data/bench-postgres and a fresh database.
#   deploy/local/bench.sh           the full run, about 7 minutes
#   deploy/local/bench.sh --quick   the same table from smaller phases, about 3 minutes, to check a change
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$repo/deploy/local/lib.sh"

quick=${BENCH_QUICK:-0}
for arg in "$@"; do
    case $arg in
        --quick) quick=1 ;;
        *) log "usage: deploy/local/bench.sh [--quick]"; exit 2 ;;
    esac
done
if [ "$quick" = 1 ]; then
    defaults=(3000 1000 10 10000 100 10)
else
    defaults=(10000 3000 60 100000 300 20)
fi

pg_port=${PORTAL_BENCH_PG_PORT:-5474}
site_port=${PORTAL_BENCH_SITE_PORT:-5490}
smtp_port=${PORTAL_BENCH_SMTP_PORT:-2590}
concurrency=${BENCH_CONCURRENCY:-16}
submissions=${BENCH_SUBMISSIONS:-${defaults[0]}}
warmup=${BENCH_WARMUP:-${defaults[1]}}
ack_seconds=${BENCH_ACK_SECONDS:-${defaults[2]}}
console_reports=${BENCH_CONSOLE_REPORTS:-${defaults[3]}}
console_requests=${BENCH_CONSOLE_REQUESTS:-${defaults[4]}}
pgbench_seconds=${defaults[5]}
ack_rates=(100 200)
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
child_pid=
worker_pids=()
worker_starts=0
site_peak_rss_mb=0
worker_peak_rss_mb=0

# other_processes: the dotnet and PostgreSQL processes this run did not start (another build, test run or cluster),
# as "N dotnet, M postgres". Ours descend from this script or from our cluster's postmaster.
other_processes() {
    ps -eo pid=,ppid=,comm=,args= | awk -v self=$$ -v cluster="$pg_dir" '
        { parent[$1] = $2; name[$1] = $3; if (index($0, cluster) > 0 && $3 == "postgres") ours[$1] = 1 }
        END {
            for (pid in name) {
                if (name[pid] != "dotnet" && name[pid] != "postgres") continue
                mine = 0
                for (p = pid; p > 1 && !mine; p = parent[p]) if (p == self || (p in ours)) mine = 1
                if (!mine) count[name[pid]]++
            }
            printf "%d dotnet, %d postgres\n", count["dotnet"], count["postgres"]
        }'
}

# record_peak_rss PID site|worker keeps the highest VmHWM seen for the site or for any worker process.
record_peak_rss() {
    local kb mb
    kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$1/status" 2>/dev/null || true)
    mb=$(( ${kb:-0} / 1024 ))
    if [ "$2" = site ]; then
        [ "$mb" -gt "$site_peak_rss_mb" ] && site_peak_rss_mb=$mb
    else
        [ "$mb" -gt "$worker_peak_rss_mb" ] && worker_peak_rss_mb=$mb
    fi
    return 0
}

record_all_peaks() {
    local pid
    [ -n "$site_pid" ] && record_peak_rss "$site_pid" site
    for pid in "${worker_pids[@]}"; do record_peak_rss "$pid" worker; done
    return 0
}

stop_process() {
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

cleanup() {
    trap - INT TERM EXIT
    local pid
    [ -n "$child_pid" ] && stop_process "$child_pid"
    for pid in "${worker_pids[@]}"; do stop_process "$pid"; done
    [ -n "$site_pid" ] && stop_process "$site_pid"
    [ -n "$sink_pid" ] && stop_process "$sink_pid"
    [ "${pg_started:-0}" -eq 1 ] && pg_stop "$pg_dir"
    rm -rf "$work" "${mail:-}"
    return 0
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

# child COMMAND...: runs a long step in the background and waits for it, so Ctrl-C or TERM stops it at once.
child() {
    local status=0
    "$@" &
    child_pid=$!
    wait "$child_pid" || status=$?
    child_pid=
    return "$status"
}

load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
others_at_start=$(other_processes)
log "load average $load_at_start; already running: $others_at_start"
pg_start "$pg_dir" "$pg_port" "$pg_password"

export PGPASSWORD=$pg_password
database=reportingportal_bench
connection_string="Host=127.0.0.1;Port=$pg_port;Database=$database;Username=portal;Password=$pg_password"
# The server's own psql, not Debian's wrapper script: the drains poll with it twice a second.
sql() { "$(pg_bin)/psql" -h 127.0.0.1 -p "$pg_port" -U portal -d "${2:-$database}" -v ON_ERROR_STOP=1 -qtAc "$1"; }
sql "drop database if exists $database with (force)" postgres
sql "create database $database" postgres

log "building the site, the worker and the load generator (Release)"
for project in src/ReportingPortal.Web/ReportingPortal.Web.csproj src/ReportingPortal.Worker/ReportingPortal.Worker.csproj \
        tests/ReportingPortal.Benchmarks/ReportingPortal.Benchmarks.csproj; do
    child dotnet build "$repo/$project" -c Release -nologo -v quiet >/dev/null
done
bench() { child dotnet "$repo/tests/ReportingPortal.Benchmarks/bin/Release/net10.0/ReportingPortal.Benchmarks.dll" "$@"; }

# The sink keeps each message as a file. On this machine's disk, creating a file cost the sink 0.3 to 0.9 ms of CPU
# depending on how many files other runs had deleted in the minutes before (the file system skips recently freed
# inodes one by one), as much as the rest of its work and different from one phase to the next; in memory it costs
# the same in every phase, for the portal's drain and for MailKit alone.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
    mail=$(mktemp -d -p /dev/shm portal-bench-mail.XXXXXX)
else
    mail=$work/mail
    mkdir -p "$mail"
fi
/usr/bin/python3 "$repo/tests/ReportingPortal.Testing/smtp_server.py" "$smtp_port" "$mail" > "$work/sink.log" &
sink_pid=$!
for _ in $(seq 1 100); do grep -q ready "$work/sink.log" && break; sleep 0.1; done
grep -q ready "$work/sink.log" || { log "the SMTP sink did not start"; exit 1; }

now_ns() { date +%s%N; }
pending() { sql "select count(*) from mail_deliveries where status = 'Pending'"; }

# Every submission solves a real ALTCHA challenge that the site verifies, made small (1,000 tries at most) and
# fixed (the ceiling equals it: thousands of reports a minute would otherwise raise it) so the load generator
# spends its time on the form, not on proof of work; one client address, so no limits.
altcha_key=$(head -c 32 /dev/urandom | base64)
# What the site and the worker share, as a deployment gives both the same settings.
settings=(
    ConnectionStrings__Portal="$connection_string"
    Receipts__SecretKey="$(head -c 32 /dev/urandom | base64)"
    Encryption__Keys__bench="$(head -c 32 /dev/urandom | base64)" Encryption__CurrentKeyId=bench
    Console__Address="http://127.0.0.1:$site_port"
    Smtp__Host=127.0.0.1 Smtp__Port="$smtp_port" Smtp__Security=None Smtp__MaxConnections=$smtp_connections
    Smtp__From="Portal forwards <no-reply@portal.bench>"
    Jobs__RunServerInWebSite=false
    # The load generator is a script sending thousands of reports from one client: screening would hold every forward.
    Screening__Enabled=false
    # Several processes side by side: each management port on a free port of its own (metrics are not read here).
    Management__Urls=http://127.0.0.1:0
)

# start_site: the web site as operators run it, Release build, Production, its own process, no job server.
start_site() {
    env "${settings[@]}" \
        ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$site_port" \
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
        kill -0 "$site_pid" 2>/dev/null || { cat "$work/site.log" >&2; site_pid=; log "the site stopped during start-up"; exit 1; }
        sleep 0.25
    done
    log "the site did not become healthy"; exit 1
}

stop_site() {
    record_peak_rss "$site_pid" site
    stop_process "$site_pid"
    site_pid=
}

# start_workers N [SETTING...]: N worker processes (the job server, the mail dispatcher) started together, each as a
# deployment starts it, with the settings given besides the shared ones; returns when every one says it started.
start_workers() {
    local n pid log_files=() started count=$1
    shift
    for n in $(seq 1 "$count"); do
        worker_starts=$((worker_starts + 1))
        log_files+=("$work/worker$worker_starts.log")
        env "${settings[@]}" "$@" DOTNET_ENVIRONMENT=Production \
            dotnet "$repo/src/ReportingPortal.Worker/bin/Release/net10.0/ReportingPortal.Worker.dll" > "${log_files[-1]}" 2>&1 &
        worker_pids+=("$!")
    done
    for _ in $(seq 1 240); do
        started=0
        for n in "${!log_files[@]}"; do
            grep -q "Application started" "${log_files[n]}" && started=$((started + 1))
            pid=${worker_pids[$(( ${#worker_pids[@]} - ${#log_files[@]} + n ))]}
            kill -0 "$pid" 2>/dev/null || { cat "${log_files[n]}" >&2; log "a worker stopped during start-up"; exit 1; }
        done
        [ "$started" -eq "${#log_files[@]}" ] && return 0
        sleep 0.25
    done
    log "the workers did not start in 60 s"; exit 1
}

stop_workers() {
    local pid
    for pid in "${worker_pids[@]}"; do
        record_peak_rss "$pid" worker
        stop_process "$pid"
    done
    worker_pids=()
}

# wait_for_mail SECONDS: until no email is owed, sampling memory meanwhile; says so when it gives up.
wait_for_mail() {
    local tries=$(( $1 * 2 ))
    for _ in $(seq 1 "$tries"); do
        record_all_peaks
        [ "$(pending)" -eq 0 ] && return 0
        sleep 0.5
    done
    log "$(pending) emails still owed after $1 s"
}

# settle PID: waits (up to 60 s) until the process uses less than a tenth of a core, so a drain does not share the
# cores with the site still compiling its hot code in the background after the submissions before it (in a
# deployment the site and the worker do not share a machine).
settle() {
    local before after
    for _ in $(seq 1 120); do
        before=$(awk '{ print $14 + $15 }' "/proc/$1/stat")
        sleep 0.5
        after=$(awk '{ print $14 + $15 }' "/proc/$1/stat")
        [ $(( (after - before) * 100 / $(getconf CLK_TCK) )) -lt 5 ] && return 0
    done
    log "process $1 is still busy after 60 s"
}

# cpu_snapshot FILE: the CPU time used so far (user and system, in /proc's ticks of 1/100 s) by the worker processes,
# the SMTP sink, each PostgreSQL process (the postmaster's line also counts its ended processes), and the
# machine's cores together, busy and in all.
cpu_snapshot() {
    local pid postmaster
    postmaster=$(head -n 1 "$pg_dir/postmaster.pid")
    {
        for pid in "${worker_pids[@]}"; do awk '{ print "worker", $14 + $15 }' "/proc/$pid/stat"; done
        awk '{ print "sink", $14 + $15 }' "/proc/$sink_pid/stat"
        awk -v pid="$postmaster" '{ print "postgres", pid, $14 + $15 + $16 + $17 }' "/proc/$postmaster/stat"
        for pid in $(pgrep -P "$postmaster"); do awk -v pid="$pid" '{ print "postgres", pid, $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || true; done
        awk '$1 == "cpu" { busy = $2 + $3 + $4 + $7 + $8 + $9; print "machine", busy, busy + $5 + $6 }' /proc/stat
    } > "$1"
}

# cpu_per_email PREFIX EMAILS BEFORE AFTER: what each of them used between the two snapshots, in ms per email, and
# how busy the machine's cores were. A PostgreSQL process gone by AFTER counts in the postmaster's children time with all
# its life, so what it had used by BEFORE is taken off.
cpu_per_email() {
    awk -v prefix="$1" -v emails="$2" '
        NR == FNR { if ($1 == "postgres") pg_before[$2] = $3; else if ($1 == "machine") { busy0 = $2; all0 = $3 } else before[$1] += $2; next }
        $1 == "postgres" { pg_after[$2] = $3; next }
        $1 == "machine" { busy = $2 - busy0; all = $3 - all0; next }
        { after[$1] += $2 }
        END {
            if (emails <= 0) exit
            for (pid in pg_after) postgres += pg_after[pid] - (pid in pg_before ? pg_before[pid] : 0)
            for (pid in pg_before) if (!(pid in pg_after)) postgres -= pg_before[pid]
            worker = after["worker"] - before["worker"]; sink = after["sink"] - before["sink"]
            ms = 10 / emails
            printf "%s_cpu_worker_ms=%.3f\n%s_cpu_postgres_ms=%.3f\n%s_cpu_sink_ms=%.3f\n", prefix, worker * ms, prefix, postgres * ms, prefix, sink * ms
            printf "%s_cpu_other_ms=%.3f\n%s_cpu_busy_percent=%.1f\n", prefix, (busy - worker - postgres - sink) * ms, prefix, 100 * busy / all
        }' "$3" "$4" >> "$results"
}

# drain WORKERS PREFIX [SETTING...]: submits a backlog with no job server running, then times WORKERS worker processes
# (with the settings given) sending it; the raw limit is MailKit alone sending as many messages over as many connections.
drain() {
    local workers=$1 prefix=$2 start drained_after emails
    shift 2
    if [ "$prefix" != drain1 ]; then
        log "($prefix) another $submissions reports with no worker running"
        bench submit --url "http://127.0.0.1:$site_port" --concurrency "$concurrency" --count "$submissions" --warmup 0 \
            --results "$work/$prefix-submissions" >/dev/null || log "some submissions failed"
    fi
    echo "${prefix}_workers=$workers" >> "$results"
    echo "${prefix}_backlog_reports=$(sql "select count(distinct report_id) from mail_deliveries where status = 'Pending'")" >> "$results"
    echo "${prefix}_backlog_emails=$(pending)" >> "$results"
    settle "$site_pid"
    log "($prefix) $workers worker process(es) start on $(pending) owed emails"
    start=$(now_ns)
    start_workers "$workers" "$@"
    # CPU is counted from the moment the workers have started, over the emails the sink accepts from then on.
    cpu_from=$(now_ns)
    cpu_snapshot "$work/cpu-before"
    wait_for_mail 1200
    cpu_snapshot "$work/cpu-after"
    drained_after=$start
    bench mail-window --mail-dir "$mail" --after "$start" --prefix "$prefix" --results "$results"
    bench mail-window --mail-dir "$mail" --after "$cpu_from" --prefix "${prefix}_cpu_window" --results "$results" >/dev/null
    cpu_per_email "$prefix" "$(sed -n "s/^${prefix}_cpu_window_count=//p" "$results" | tail -n 1)" "$work/cpu-before" "$work/cpu-after"
    stop_workers
    emails=$(sed -n "s/^${prefix}_count=//p" "$results" | tail -n 1)
    log "($prefix) raw limit: MailKit alone sends $emails messages over $((workers * smtp_connections)) connections"
    start=$(now_ns)
    bench raw-mail --host 127.0.0.1 --port "$smtp_port" --count "$emails" --connections $((workers * smtp_connections)) \
        --like-dir "$mail" --like-after "$drained_after" --sink-pid "$sink_pid" --prefix "raw_$prefix" --results "$results" >/dev/null
    bench mail-window --mail-dir "$mail" --after "$start" --prefix "raw_${prefix}_window" --results "$results"
}

log "(a) raw limit: pgbench, one-row INSERT of 2 KB per transaction, $concurrency clients, $pgbench_seconds s"
sql "create table bench_inserts (id bigint generated always as identity primary key, body text not null, received_at timestamptz not null default now())"
printf "insert into bench_inserts (body) values ('%s');\n" "$(head -c 4096 /dev/urandom | base64 -w0 | head -c 2048)" > "$work/insert.sql"
child "$(pg_bin)/pgbench" -h 127.0.0.1 -p "$pg_port" -U portal -n -c "$concurrency" -j 2 -T "$pgbench_seconds" \
    -f "$work/insert.sql" -l --log-prefix="$work/pglog" "$database" > "$work/pgbench.out" 2>&1
tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$work/pgbench.out" | tail -n 1)
echo "pgbench_tps=$tps" >> "$results"
cat "$work"/pglog.* | awk '{ print $3 / 1000 }' | sort -n > "$work/pgbench.latencies"
lines=$(wc -l < "$work/pgbench.latencies")
for p in 50 95 99; do
    echo "pgbench_p${p}_ms=$(sed -n "$(( (lines * p + 99) / 100 ))p" "$work/pgbench.latencies")" >> "$results"
done
sql "drop table bench_inserts"
# pgbench wrote about half a gigabyte: flush it now, or the next phases pay for its checkpoint.
sql "checkpoint"
grep pgbench "$results"

log "(b) the submission path: $submissions reports (first $warmup a warm-up), $concurrency at once, no worker running"
start_site
bench submit --url "http://127.0.0.1:$site_port" --concurrency "$concurrency" --count "$submissions" --warmup "$warmup" \
    --results "$results" || log "some submissions failed (see above)"

log "(d) the mail backlog, one worker process with JSON attachments (the default), one without, then two on the same database"
drain 1 drain1
drain 1 drain1plain Forwarding__JsonAttachment=false
drain 2 drain2

for rate in "${ack_rates[@]}"; do
    log "(c) acknowledgement latency at $rate reports/s for $ack_seconds s, site and one worker"
    start_workers 1
    # A deployed worker has been running: 5 s at the same rate first, not counted, so a fresh process's first
    # compilations and connections are not measured as the portal's steady latency.
    bench acknowledgements --url "http://127.0.0.1:$site_port" --rate "$rate" --seconds 5 --mail-dir "$mail" \
        --prefix "warm$rate" --wait 120 --results "$work/ack-warm-up" >/dev/null || true
    wait_for_mail 600
    bench acknowledgements --url "http://127.0.0.1:$site_port" --rate "$rate" --seconds "$ack_seconds" --mail-dir "$mail" \
        --prefix "ack$rate" --wait 600 --results "$results" || log "some acknowledgements failed or never arrived (see above)"
    wait_for_mail 600
    stop_workers
    log "(c) raw limit: MailKit alone sends one message every $((1000 / rate)) ms over one connection"
    bench raw-mail --host 127.0.0.1 --port "$smtp_port" --count $((rate * 10)) --rate "$rate" --connections 1 \
        --prefix "raw_steady$rate" --results "$results"
done

existing=$(sql "select count(*) from reports")
log "(e) the console with $console_reports reports: $((console_reports > existing ? console_reports - existing : 0)) more seeded with their cases, then inbox and case page latency"
child psql -h 127.0.0.1 -p "$pg_port" -U portal -d "$database" -v ON_ERROR_STOP=1 -q \
    -v reports=$((console_reports > existing ? console_reports - existing : 0)) -f "$repo/tests/ReportingPortal.Benchmarks/seed-cases.sql"
bench console --url "http://127.0.0.1:$site_port" --requests "$console_requests" --warmup 30 --results "$results" \
    --database "$connection_string" || log "some console pages did not answer 200 (see above)"
stop_site

load_at_end=$(cut -d' ' -f1-3 /proc/loadavg)
others_at_end=$(other_processes)
{
    echo "site_peak_rss_mb=$site_peak_rss_mb"
    echo "worker_peak_rss_mb=$worker_peak_rss_mb"
    echo "quick=$quick"
    echo "ack_seconds=$ack_seconds"
} >> "$results"
machine="$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)), $(free -g | awk '/^Mem:/ { print $2 }') GB memory, PostgreSQL $("$(pg_bin)/postgres" --version | awk '{ print $3 }'), .NET $(dotnet --version)"
bench report --results "$results" --out "$output" --machine "$machine" --note "${BENCH_NOTE:-}" \
    --load-start "$load_at_start" --load-end "$load_at_end" --others-start "$others_at_start" --others-end "$others_at_end"
log "written to ${output#"$repo"/}"
