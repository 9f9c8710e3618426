# Shared by run.sh and test.sh: system packages, a private PostgreSQL cluster, secrets.
# Sourced, not run. Expects $repo to be the repository root.

log() { printf '==> %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

# ensure_packages PACKAGE:COMMAND... installs each Debian package whose command (a name, or a path
# that may hold a glob) is missing.
ensure_packages() {
    local missing=() pair
    for pair in "$@"; do
        command -v "${pair#*:}" >/dev/null 2>&1 || compgen -G "${pair#*:}" >/dev/null || missing+=("${pair%%:*}")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

pg_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] || { echo "PostgreSQL server binaries not found under /usr/lib/postgresql" >&2; return 1; }
    echo "$dir"
}

# PostgreSQL refuses to run as root: as root, the cluster belongs to the 'postgres' user.
pg_user() { if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi; }

as_pg_user() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_data_dir NAME prints a data folder under .data/ that the cluster's user can reach.
pg_data_dir() {
    local name=$1 dir="$repo/.data/$1"
    mkdir -p "$repo/.data"
    if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$repo/.data"; then
        # The clone sits where 'postgres' cannot enter (say under /root): keep the cluster outside, linked in.
        local outside
        outside="/var/tmp/reportingportal-$(printf '%s' "$repo" | sha1sum | cut -c1-12)/$name"
        mkdir -p "$outside"
        chmod 755 "$(dirname "$outside")"
        [ -L "$dir" ] || { rm -rf "$dir"; ln -s "$outside" "$dir"; }
        dir=$outside
    fi
    echo "$dir"
}

# secret NAME prints a random secret kept in .data/secrets, made on first use.
secret() {
    local file="$repo/.data/secrets/$1"
    if [ ! -s "$file" ]; then
        mkdir -p "$repo/.data/secrets"
        chmod 700 "$repo/.data/secrets"
        head -c 32 /dev/urandom | base64 > "$file"
        chmod 600 "$file"
    fi
    cat "$file"
}

# pg_start DIR PORT PASSWORD: creates the cluster on first use, starts it unless it is running.
# Sets pg_started=1 when this call started it.
pg_start() {
    local dir=$1 port=$2 password=$3 bin
    bin=$(pg_bin)
    pg_started=0
    if [ ! -s "$dir/PG_VERSION" ]; then
        log "creating a private PostgreSQL cluster in $dir"
        mkdir -p "$dir"
        chown "$(pg_user)" "$dir"
        chmod 700 "$dir"
        local pwfile
        pwfile=$(mktemp)
        printf '%s\n' "$password" > "$pwfile"
        chown "$(pg_user)" "$pwfile"
        as_pg_user "$bin/initdb" -D "$dir" -U portal --pwfile="$pwfile" --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
        rm -f "$pwfile"
        cat >> "$dir/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 300
shared_buffers = 256MB
CONF
    fi
    if as_pg_user "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
        log "PostgreSQL already running in $dir"
        return 0
    fi
    log "starting PostgreSQL on 127.0.0.1:$port"
    as_pg_user "$bin/pg_ctl" -D "$dir" -o "-p $port" -l "$dir/server.log" -w -t 60 start >/dev/null
    pg_started=1
}

pg_stop() {
    local dir=$1
    as_pg_user "$(pg_bin)/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
}

# require_free_port PORT WHAT: stops with a clear message when something already listens there.
require_free_port() {
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
        log "port $1 ($2) is already in use: is the portal already running? Stop it, or choose another port."
        exit 1
    fi
}
