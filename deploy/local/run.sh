#!/usr/bin/env bash
# Starts the whole portal on this machine: PostgreSQL, a mail server with a web inbox, migrations,
# the web site and the worker (the job server) as two processes. Ctrl-C stops what this script started;
# data stays in .data/.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$repo/deploy/local/lib.sh"

site_url=${PORTAL_URL:-http://127.0.0.1:5080}
pg_port=${PORTAL_PG_PORT:-5433}
smtp_port=${PORTAL_SMTP_PORT:-1025}
inbox_port=${PORTAL_INBOX_PORT:-1080}
# The management ports (metrics; the worker's health): loopback only.
web_management_port=${PORTAL_WEB_MANAGEMENT_PORT:-9090}
worker_management_port=${PORTAL_WORKER_MANAGEMENT_PORT:-9091}

ensure_packages postgresql:'/usr/lib/postgresql/*/bin/postgres' nodejs:node npm:npm curl:curl

require_free_port "${site_url##*:}" "the site"
require_free_port "$smtp_port" "the mail server"
require_free_port "$inbox_port" "the mail inbox"
require_free_port "$web_management_port" "the web site's management port"
require_free_port "$worker_management_port" "the worker's management port"

pg_dir=$(pg_data_dir postgres)
pg_password=$(secret postgres-password)
children=()
cleanup() {
    trap - INT TERM EXIT
    log "stopping"
    local pid
    for pid in "${children[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    [ "${pg_started:-0}" -eq 1 ] && pg_stop "$pg_dir"
}
trap cleanup INT TERM EXIT

pg_start "$pg_dir" "$pg_port" "$pg_password"

log "installing the local mail server"
(cd "$repo/deploy/local" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
mkdir -p "$repo/.data/mail"
"$repo/deploy/local/node_modules/.bin/maildev" --ip 127.0.0.1 --smtp "$smtp_port" \
    --web-ip 127.0.0.1 --web "$inbox_port" --mail-directory "$repo/.data/mail" --silent &
children+=($!)

# Production, with local settings below: what runs here is what a deployment runs (the kind error pages, the
# captcha checks, no developer exception page). ASPNETCORE_ENVIRONMENT=Development deploy/local/run.sh overrides it.
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}
# The worker is a generic host: it reads DOTNET_ENVIRONMENT rather than ASPNETCORE_ENVIRONMENT.
export DOTNET_ENVIRONMENT=$ASPNETCORE_ENVIRONMENT
export ASPNETCORE_URLS=$site_url
# The portal answers only to the host names in AllowedHosts: the loopback names and the one in the site's address.
site_host=${site_url#*://}
export AllowedHosts=${AllowedHosts:-"localhost;127.0.0.1;[::1];${site_host%:*}"}
export ConnectionStrings__Portal="Host=127.0.0.1;Port=$pg_port;Database=reportingportal;Username=portal;Password=$pg_password"
export Receipts__SecretKey=${Receipts__SecretKey:-$(secret receipts-key)}
# The key that wraps each report's data key. To rotate: add Encryption__Keys__<new id>, make it current, restart, and
# remove the old one once the administrators' Stored data page shows no report left under it.
if [ -z "${Encryption__CurrentKeyId:-}" ]; then
    export Encryption__Keys__local=${Encryption__Keys__local:-$(secret encryption-key)}
    export Encryption__CurrentKeyId=local
fi
export Captcha__Altcha__HmacKey=${Captcha__Altcha__HmacKey:-$(secret altcha-key)}
export Console__Address=${Console__Address:-$site_url}
export Smtp__Host=${Smtp__Host:-127.0.0.1}
export Smtp__Port=${Smtp__Port:-$smtp_port}
export Smtp__Security=${Smtp__Security:-None}
export Smtp__From=${Smtp__From:-"Portal forwards <no-reply@reportingportal.localhost>"}

log "building the portal"
dotnet build "$repo/src/ReportingPortal.Web/ReportingPortal.Web.csproj" -c Release -nologo -v quiet >/dev/null
dotnet build "$repo/src/ReportingPortal.Worker/ReportingPortal.Worker.csproj" -c Release -nologo -v quiet >/dev/null
web_dll="$repo/src/ReportingPortal.Web/bin/Release/net10.0/ReportingPortal.Web.dll"
admin_email=admin@reportingportal.localhost
admin_link="$repo/.data/secrets/admin-enrolment-link"
if [ ! -s "$admin_link" ]; then
    # Once: the local administrator and its one-time enrolment link (delete the file for a fresh link if it expired).
    log "creating the local administrator $admin_email"
    mkdir -p "$repo/.data/secrets"
    chmod 700 "$repo/.data/secrets"
    status=0
    (umask 077; cd "$repo/src/ReportingPortal.Web" \
        && dotnet "$web_dll" accounts add-admin --email "$admin_email" --name "Local administrator" > "$admin_link.new") || status=$?
    case $status in
        0) tail -n 1 "$admin_link.new" > "$admin_link" ;;
        # It exists and has enrolled already: sign in with its password, or invite another from /console/accounts.
        1) log "$admin_email has enrolled already; no new link" ;;
        *) rm -f "$admin_link.new"; exit "$status" ;;
    esac
    rm -f "$admin_link.new"
fi

log "starting the web site (migrations run at start-up)"
Management__Urls="http://127.0.0.1:$web_management_port" dotnet "$web_dll" \
    --contentRoot "$repo/src/ReportingPortal.Web" &
children+=($!)
web_pid=$!

for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$site_url/health" 2>/dev/null && break
    kill -0 "$web_pid" 2>/dev/null || { log "the web site stopped during start-up; see the messages above"; exit 1; }
    sleep 0.5
done

log "starting the worker (the job server: acknowledgements, forwards, retries)"
Management__Urls="http://127.0.0.1:$worker_management_port" \
    dotnet "$repo/src/ReportingPortal.Worker/bin/Release/net10.0/ReportingPortal.Worker.dll" &
children+=($!)
worker_pid=$!

cat <<MSG

  Portal        $site_url            (web site, process $web_pid)
  Worker        job server and mail     (process $worker_pid)
  Metrics       http://127.0.0.1:$web_management_port/metrics (web site), http://127.0.0.1:$worker_management_port/metrics (worker)
  Report form   $site_url/report
  Mail inbox    http://127.0.0.1:$inbox_port (every email the portal sends, to reporters and responders)
  Console       $site_url/console/sign-in (accounts, mail status at /console/mail, jobs at /jobs)
                administrator $admin_email: open the one-time link in .data/secrets/admin-enrolment-link
                to set its password and authenticator app (delete that file and restart for a fresh link)
  PostgreSQL    127.0.0.1:$pg_port (database reportingportal, user portal, password in .data/secrets/postgres-password)

  Press Ctrl-C to stop.

MSG
wait -n "${children[@]}" || true
log "a part of the portal stopped; stopping the rest"
