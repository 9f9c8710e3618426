#!/bin/sh
# The image's command: which half of the portal this container runs.
#   web [ARGS]   the web site (ReportingPortal.Web); `web accounts add-admin --email E --name N` prints an enrolment link
#   worker       the job server and mail dispatcher (ReportingPortal.Worker)
#   migrate      applies the migrations (the portal's and Hangfire's tables) and stops: an init container or a release job
#   setup        applies the migrations and makes sure the first administrator (PORTAL_ADMIN_EMAIL, PORTAL_ADMIN_NAME)
#                exists, printing its one-time enrolment link until it has enrolled; run once per release as a Job
# The web site and the worker also apply migrations at start-up, under the migrator's advisory lock.
# A self-contained build runs its own executable; a framework-dependent one runs through the image's dotnet.
set -eu

run() {
    folder=$1 name=$2
    shift 2
    cd "$folder"
    if [ -e "$folder/libcoreclr.so" ]; then
        "$folder/$name" "$@"
    else
        dotnet "$folder/$name.dll" "$@"
    fi
}

command=${1:-web}
[ "$#" -gt 0 ] && shift
case "$command" in
    web) cd /app/web; [ -e libcoreclr.so ] && exec ./ReportingPortal.Web "$@"; exec dotnet ReportingPortal.Web.dll "$@" ;;
    worker) cd /app/worker; [ -e libcoreclr.so ] && exec ./ReportingPortal.Worker "$@"; exec dotnet ReportingPortal.Worker.dll "$@" ;;
    migrate) run /app/worker ReportingPortal.Worker migrate "$@" ;;
    setup)
        : "${PORTAL_ADMIN_EMAIL:?set PORTAL_ADMIN_EMAIL to the first administrator's email}"
        status=0
        run /app/web ReportingPortal.Web accounts add-admin --email "$PORTAL_ADMIN_EMAIL" \
            --name "${PORTAL_ADMIN_NAME:-Administrator}" || status=$?
        # 1: that administrator has enrolled already; the migrations are applied all the same.
        [ "$status" -le 1 ] || exit "$status"
        ;;
    *) echo "usage: portal web|worker|migrate|setup [arguments]" >&2; exit 2 ;;
esac
