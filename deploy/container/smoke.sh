#!/usr/bin/env bash
# Proof on one machine that the image and the Kubernetes manifests run the portal as a cluster would: builds the
# image (deploy/container/Containerfile), then runs with `podman kube play` the ConfigMap and the web and worker
# Deployments of deploy/kubernetes (two replicas each) beside a services pod holding a single PostgreSQL (standing in
# for the CloudNativePG cluster, which podman cannot run) and an SMTP sink that keeps every message. It sends 200
# reports, half to each web pod, stops one worker pod while the mail drains (SIGTERM, then SIGKILL after 30 s, as
# Kubernetes deletes a pod), and checks that every report is stored and every email owed arrived exactly once (by
# Message-ID). Prints its figures; stops and removes what it started.
#   deploy/container/smoke.sh                  needs root (rootful podman); installs podman, runc, mmdebstrap if missing
#   SMOKE_REMOVE_IMAGES=1 deploy/container/smoke.sh   also removes the images it built
#   SMOKE_KILL=hard deploy/container/smoke.sh          kills the worker pod with SIGKILL instead, as a crash would: sending
#                                              is then at least once, and up to one email per SMTP connection may repeat
#   SMOKE_KEEP_ON_FAILURE=1 deploy/container/smoke.sh leaves the pods running when a check fails, to look at them
#   SDK_IMAGE=... RUNTIME_IMAGE=... deploy/container/smoke.sh   other bases (default: built here from Debian packages
#                                              and this machine's .NET by local-bases.sh, as registries are unreachable)
#   PUBLISH_MODE=self-contained RUNTIME_IMAGE=<a base without .NET> SDK_IMAGE=... deploy/container/smoke.sh
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$repo/deploy/local/lib.sh"

reports=${SMOKE_REPORTS:-200}
image=localhost/reportingportal:smoke
services_image=localhost/reportingportal-smoke-services:bookworm
network=reportingportal-smoke
subnet_prefix=${SMOKE_SUBNET_PREFIX:-10.89.77}
services_ip=$subnet_prefix.10
web_ips=("$subnet_prefix.11" "$subnet_prefix.12")
worker_ips=("$subnet_prefix.21" "$subnet_prefix.22")

[ "$(id -u)" -eq 0 ] || { log "run as root: the smoke uses rootful podman"; exit 2; }
ensure_packages podman:podman runc:runc mmdebstrap:mmdebstrap python3-yaml:/usr/lib/python3/dist-packages/yaml \
    postgresql-client:psql curl:curl

work=$(mktemp -d)
export CONTAINERS_CONF=$work/containers.conf
# crun cannot manage cgroups or set ulimits in this kind of sandbox; runc with cgroupfs can, without default ulimits.
printf '[containers]\ndefault_ulimits = []\n' > "$CONTAINERS_CONF"
podman_cmd=(podman --runtime runc --cgroup-manager cgroupfs)
played=()
cleanup() {
    local status=$? file
    trap - INT TERM EXIT
    if [ "$status" -ne 0 ] && [ "${SMOKE_KEEP_ON_FAILURE:-0}" = 1 ]; then
        log "left running for a look: podman pod ps; remove with podman kube down $work/portal.yaml and $work/services.yaml"
        exit "$status"
    fi
    log "cleaning up"
    for file in "${played[@]}"; do "${podman_cmd[@]}" kube down "$file" >/dev/null 2>&1 || true; done
    "${podman_cmd[@]}" network rm -f "$network" >/dev/null 2>&1 || true
    "${podman_cmd[@]}" volume rm -f reportingportal-smoke-tmp >/dev/null 2>&1 || true
    if [ "${SMOKE_REMOVE_IMAGES:-0}" = 1 ]; then
        "${podman_cmd[@]}" rmi -f "$image" "$services_image" >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup INT TERM EXIT

seconds_since() { echo "$(( $(date +%s%N) / 1000000 - $1 ))" | awk '{ printf "%.1f", $1 / 1000 }'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
image_exists() { "${podman_cmd[@]}" image exists "$1"; }

if [ -z "${SDK_IMAGE:-}" ] || [ -z "${RUNTIME_IMAGE:-}" ]; then
    if ! image_exists localhost/reportingportal-sdk:bookworm || ! image_exists localhost/reportingportal-runtime:bookworm; then
        log "building the .NET base images from Debian packages and this machine's .NET (local-bases.sh)"
        "$repo/deploy/container/local-bases.sh" >/dev/null
    fi
    SDK_IMAGE=localhost/reportingportal-sdk:bookworm
    RUNTIME_IMAGE=localhost/reportingportal-runtime:bookworm
fi

if ! image_exists "$services_image"; then
    log "building the services image (PostgreSQL 15 and aiosmtpd from Debian packages)"
    mmdebstrap --quiet --variant=apt --include=postgresql-15,python3-aiosmtpd,ca-certificates \
        --customize-hook='rm -rf "$1"/var/cache/apt/archives/*.deb "$1"/var/lib/apt/lists/*' \
        bookworm "$work/services.tar"
    "${podman_cmd[@]}" import --quiet "$work/services.tar" "$services_image" >/dev/null
    rm -f "$work/services.tar"
fi

log "building the image"
build_args=(--build-arg SDK_IMAGE="$SDK_IMAGE" --build-arg RUNTIME_IMAGE="$RUNTIME_IMAGE")
[ -n "${PUBLISH_MODE:-}" ] && build_args+=(--build-arg PUBLISH_MODE="$PUBLISH_MODE")
[ -n "${NUGET_CERT_REVOCATION_MODE:-}" ] && build_args+=(--build-arg NUGET_CERT_REVOCATION_MODE="$NUGET_CERT_REVOCATION_MODE")
# The host's package cache spares the build downloading every package again; the image does not keep it.
mkdir -p "$HOME/.nuget/packages"
# No layer cache and no intermediate images kept (each would leave about 1.3 GB behind); the previous smoke image goes.
"${podman_cmd[@]}" rmi -f "$image" >/dev/null 2>&1 || true
build_started=$(now_ms)
"${podman_cmd[@]}" build --isolation chroot --network host --no-cache --layers=false "${build_args[@]}" \
    --volume "$HOME/.nuget/packages:/root/.nuget/packages" \
    -f "$repo/deploy/container/Containerfile" -t "$image" "$repo" > "$work/build.log" 2>&1 \
    || { tail -n 40 "$work/build.log" >&2; log "the image did not build"; exit 1; }
build_seconds=$(seconds_since "$build_started")
image_mb=$("${podman_cmd[@]}" image inspect "$image" --format '{{.Size}}' | awk '{ printf "%d", $1 / 1000000 }')
log "image built in ${build_seconds}s (${image_mb} MB)"

"${podman_cmd[@]}" network rm -f "$network" >/dev/null 2>&1 || true
"${podman_cmd[@]}" network create --subnet "$subnet_prefix.0/24" "$network" >/dev/null

pg_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
mkdir -p "$work/mail"
chmod 777 "$work/mail"
cat > "$work/services.yaml" <<YAML
# Stands in for the CloudNativePG cluster (one PostgreSQL, no replicas, no failover) and for the mail server.
apiVersion: v1
kind: Pod
metadata:
  name: reportingportal-smoke-services
spec:
  containers:
    - name: postgres
      image: $services_image
      command: ["/bin/sh", "-c"]
      args:
        - |
          set -e
          mkdir -p /tmp/pg && chown postgres /tmp/pg
          echo '$pg_password' > /tmp/pg/password
          su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/initdb -D /tmp/pg/data -U portal --auth=scram-sha-256 --pwfile=/tmp/pg/password >/dev/null"
          echo "host all all 0.0.0.0/0 scram-sha-256" >> /tmp/pg/data/pg_hba.conf
          exec su postgres -s /bin/sh -c "exec /usr/lib/postgresql/15/bin/postgres -D /tmp/pg/data -c listen_addresses='*' -c max_connections=300 -c unix_socket_directories=/tmp/pg"
    - name: smtp
      image: $services_image
      command: ["/usr/bin/python3", "/sink/smtp_server.py", "2525", "/mail"]
      env:
        - name: SMTP_SINK_HOST
          value: "0.0.0.0"
      volumeMounts:
        - name: sink
          mountPath: /sink
        - name: mail
          mountPath: /mail
  volumes:
    - name: sink
      hostPath:
        path: $repo/tests/ReportingPortal.Testing
        type: Directory
    - name: mail
      hostPath:
        path: $work/mail
        type: Directory
YAML

log "starting the services pod (PostgreSQL and the SMTP sink)"
"${podman_cmd[@]}" kube play --network "$network" --ip "$services_ip" "$work/services.yaml" >/dev/null
played+=("$work/services.yaml")
export PGPASSWORD=$pg_password
for _ in $(seq 1 120); do
    psql -h "$services_ip" -U portal -d postgres -Atqc 'select 1' >/dev/null 2>&1 && break
    sleep 0.5
done
psql -h "$services_ip" -U portal -d postgres -Atqc 'select 1' >/dev/null

# What the secret and the site's own settings would hold; the smoke's values, random for each run. The limits and
# the proof-of-work size are raised for one client sending 200 reports in a minute, as the benchmark does. The load
# generator reaches each pod by its address, so those are the allowed host names here.
allowed_hosts=$(IFS=';'; echo "${web_ips[*]}")
cat > "$work/settings" <<SETTINGS
PostgresPassword=$pg_password
Secret.Receipts__SecretKey=$(head -c 32 /dev/urandom | base64)
Secret.Encryption__Keys__smoke=$(head -c 32 /dev/urandom | base64)
Secret.Encryption__CurrentKeyId=smoke
Secret.Captcha__Altcha__HmacKey=$(head -c 32 /dev/urandom | base64)
ConfigMap.AllowedHosts=$allowed_hosts
ConfigMap.Console__Address=http://${web_ips[0]}:8080
ConfigMap.Smtp__Host=$services_ip
ConfigMap.Smtp__Port=2525
ConfigMap.Smtp__Security=None
ConfigMap.Smtp__UserName=
ConfigMap.Smtp__From=Portal forwards <no-reply@portal.smoke>
ConfigMap.Captcha__Altcha__MaxNumber=1000
ConfigMap.Captcha__Altcha__MaxNumberCeiling=1000
ConfigMap.RateLimits__Reports__PermitLimit=100000
ConfigMap.RateLimits__ReportSteps__PermitLimit=100000
ConfigMap.RateLimits__UnverifiedReports__PermitLimit=100000
ConfigMap.RateLimits__Challenges__PermitLimit=100000
ConfigMap.Delivery__ClaimLease=00:00:30
ConfigMap.Screening__Enabled=false
SETTINGS
/usr/bin/python3 "$repo/deploy/container/smoke_support.py" pods "$repo/deploy/kubernetes" "$image" "$services_ip" \
    "$work/settings" > "$work/portal.yaml"

log "starting two web pods and two worker pods (podman kube play deploy/kubernetes, derived)"
started=$(now_ms)
ip_args=()
for ip in "${web_ips[@]}" "${worker_ips[@]}"; do ip_args+=(--ip "$ip"); done
"${podman_cmd[@]}" kube play --network "$network" "${ip_args[@]}" "$work/portal.yaml" > "$work/play.log"
played+=("$work/portal.yaml")
"${podman_cmd[@]}" pod ps --filter name=reportingportal --format '{{.Name}} {{.Status}}' >&2

wait_ready() {
    local url=$1 what=$2 _
    for _ in $(seq 1 240); do
        curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
        sleep 0.5
    done
    log "$what did not answer $url; the pods' last log lines:"
    "${podman_cmd[@]}" ps -a --filter name=reportingportal- --format '{{.Names}}' | grep -v infra | while read -r name; do
        echo "--- $name" >&2
        "${podman_cmd[@]}" logs --tail 15 "$name" >&2 2>&1 || true
    done
    return 1
}
for ip in "${web_ips[@]}"; do wait_ready "http://$ip:8080/health/ready" "the web pod at $ip"; done
for ip in "${worker_ips[@]}"; do wait_ready "http://$ip:9091/health/ready" "the worker pod at $ip"; done
start_seconds=$(seconds_since "$started")
log "all four pods ready ${start_seconds}s after kube play"

log "building the load generator (tests/ReportingPortal.Benchmarks)"
dotnet build "$repo/tests/ReportingPortal.Benchmarks/ReportingPortal.Benchmarks.csproj" -c Release -nologo -v quiet >/dev/null
load=(dotnet "$repo/tests/ReportingPortal.Benchmarks/bin/Release/net10.0/ReportingPortal.Benchmarks.dll")

db() { psql -h "$services_ip" -U portal -d reportingportal -Atqc "$1"; }
kill_mode=${SMOKE_KILL:-stop}
case "$kill_mode" in
    # The worker's container alone: podman's `pod stop` also stops the pod's infra container at once, which takes the
    # network away from a worker still finishing (Kubernetes keeps it until the pod's containers have exited).
    stop) stop_worker=(stop -t 30) ;;
    hard) stop_worker=(kill) ;;
    *) log "SMOKE_KILL is stop (the default) or hard"; exit 2 ;;
esac
log "sending $reports reports, half to each web pod, and stopping one worker pod ($kill_mode) while the mail drains"
submit_started=$(now_ms)
pids=()
for ip in "${web_ips[@]}"; do
    "${load[@]}" submit --url "http://$ip:8080" --concurrency 4 --count $((reports / 2)) --warmup 0 \
        --results "$work/results-$ip" > "$work/submit-$ip.log" 2>&1 &
    pids+=($!)
done
killed_pod=
for _ in $(seq 1 600); do
    sent=$(db "select count(*) from mail_deliveries where status = 'Sent'" 2>/dev/null || echo 0)
    if [ "${sent:-0}" -ge 40 ]; then
        killed_pod=$("${podman_cmd[@]}" pod ps --filter name=reportingportal-worker --format '{{.Name}}' | sort | head -n 1)
        stopping_started=$(now_ms)
        "${podman_cmd[@]}" "${stop_worker[@]}" "$killed_pod-worker" >/dev/null
        pending=$(db "select count(*) from mail_deliveries where status = 'Pending'")
        # 0: the worker shut down by itself on SIGTERM; 137: it was killed (SIGKILL).
        worker_exit=$("${podman_cmd[@]}" inspect --format '{{.State.ExitCode}}' "$killed_pod-worker")
        log "stopped $killed_pod ($kill_mode, $(seconds_since "$stopping_started") s, exit code $worker_exit) at $sent emails sent; $pending pending after it"
        break
    fi
    sleep 0.2
done
[ -n "$killed_pod" ] || { log "no mail was sent while the reports arrived"; exit 1; }
submit_status=0
for pid in "${pids[@]}"; do wait "$pid" || submit_status=1; done
submit_seconds=$(seconds_since "$submit_started")
grep -h "failures" "$work"/submit-*.log >&2 || true
accepted=$(cat "$work"/results-* 2>/dev/null | grep -o '^submit_count=[0-9]*' | awk -F= '{ n += $2 } END { print n + 0 }')

log "waiting for the remaining worker to drain the mail"
drain_started=$(now_ms)
for _ in $(seq 1 900); do
    [ "$(db "select count(*) from mail_deliveries where status = 'Pending'")" -eq 0 ] && break
    sleep 0.5
done
drain_seconds=$(seconds_since "$drain_started")

stored=$(db "select count(*) from reports")
# The figures Prometheus would scrape: reports counted by the web pods, mail by the surviving worker.
received_metric=0
for ip in "${web_ips[@]}"; do
    received_metric=$(( received_metric + $(curl -fsS "http://$ip:9090/metrics" \
        | awk '/^reportingportal_reports_received_total/ { n += $NF } END { printf "%d", n }') ))
done
surviving_worker_ip=${worker_ips[1]}
[ "$killed_pod" = reportingportal-worker-pod-1 ] && surviving_worker_ip=${worker_ips[0]}
worker_sent_metric=$(curl -fsS "http://$surviving_worker_ip:9091/metrics" \
    | awk '/^reportingportal_emails_sent_total/ { n += $NF } END { printf "%d", n }')
db "copy (select r.reference, d.kind, d.recipient, d.status from mail_deliveries d join reports r on r.id = d.report_id) to stdout with csv header" > "$work/deliveries.csv"
sleep 1
# A worker asked to stop finishes the email it is sending and records it: no duplicate. Killed outright, it may have had
# one email per SMTP connection accepted by the server and not yet recorded as sent (Smtp__MaxConnections, 8); the
# survivor sends those again with the same Message-ID.
allowed_duplicates=0
[ "$kill_mode" = hard ] && allowed_duplicates=8
mail_status=0
/usr/bin/python3 "$repo/deploy/container/smoke_support.py" mail "$work/mail" "$work/deliveries.csv" "$allowed_duplicates" \
    > "$work/mail-figures" || mail_status=$?

cat <<FIGURES

  image build          ${build_seconds} s (${image_mb} MB, no cache)
  start                ${start_seconds} s from kube play to two web and two worker pods ready
  reports              $reports sent, ${accepted} accepted (303) in ${submit_seconds} s, ${stored} stored
  worker pod stopped   $killed_pod, during the drain ($kill_mode; the worker's exit code $worker_exit)
  drain after sending  ${drain_seconds} s
  metrics              reports received ${received_metric} (sum over the web pods), emails sent ${worker_sent_metric} by the surviving worker
$(sed 's/^/  mail                 /' "$work/mail-figures")
  duplicates allowed   $allowed_duplicates

FIGURES
failed=0
[ "$submit_status" -eq 0 ] || { log "FAILED: some reports were not accepted"; failed=1; }
[ "$accepted" -eq "$reports" ] || { log "FAILED: $accepted of $reports reports accepted"; failed=1; }
[ "$stored" -eq "$reports" ] || { log "FAILED: $stored of $reports reports stored"; failed=1; }
[ "$received_metric" -eq "$reports" ] || { log "FAILED: the web pods' metrics count $received_metric reports"; failed=1; }
[ "$kill_mode" = hard ] || [ "$worker_exit" -eq 0 ] || { log "FAILED: the worker asked to stop did not shut down by itself (exit code $worker_exit)"; failed=1; }
[ "$mail_status" -eq 0 ] || { log "FAILED: the mail received is not the mail owed (missing, unexpected or more duplicates than allowed)"; failed=1; }
[ "$failed" -eq 0 ] && log "PASSED"
exit "$failed"
