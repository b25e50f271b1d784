#!/usr/bin/env bash
# Start a local PostgreSQL server for the hynlp test suite and print its URL.
#
#   eval "$(bash .ci/postgres.sh)"    # sets HYNLP_TEST_POSTGRES_URL
#
# Installs Debian's postgresql when missing, starts (or creates) a cluster
# listening on 127.0.0.1, and creates the role and database if they do not
# exist. Safe to run again: it reuses whatever is already there. The only
# stdout output is the export line; progress goes to stderr.
#
# Settings (environment): HYNLP_PG_USER (hynlp), HYNLP_PG_PASSWORD (hynlp),
# HYNLP_PG_DB (hynlp_test).
set -euo pipefail

exec 3>&1 1>&2   # fd 3 is the real stdout; everything else goes to stderr

PG_USER="${HYNLP_PG_USER:-hynlp}"
PG_PASSWORD="${HYNLP_PG_PASSWORD:-hynlp}"
PG_DB="${HYNLP_PG_DB:-hynlp_test}"
SERVER_LOG="${TMPDIR:-/tmp}/hynlp-postgres-start.log"

log() { echo "postgres.sh: $*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

install_postgres() {
    if command -v pg_lsclusters >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
        log "postgresql is installed"
        return
    fi
    log "installing postgresql"
    as_root apt-get update
    # Debian's postinst may start a server: keep fd 3 (see start_cluster) from it.
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql </dev/null 3>&-
}

# Prints "version name port status" of the first cluster, creating one when none exists.
first_cluster() {
    local line
    line="$(pg_lsclusters -h | head -n 1)"
    if [ -z "$line" ]; then
        local version
        version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
        log "creating cluster $version/main"
        as_root pg_createcluster "$version" main >&2
        line="$(pg_lsclusters -h | head -n 1)"
    fi
    echo "$line" | awk '{print $1, $2, $3, $4}'
}

start_cluster() {
    local version="$1" name="$2" status="$3"
    if [ "$status" = "online" ]; then
        log "cluster $version/$name is running"
    else
        log "starting cluster $version/$name (server log: $SERVER_LOG)"
        # The server outlives this script: it must not inherit fd 3 (the
        # caller's $(...) pipe, which would then never reach EOF) nor the
        # caller's stdout/stderr pipes.
        if ! as_root pg_ctlcluster "$version" "$name" start </dev/null >>"$SERVER_LOG" 2>&1 3>&-; then
            log "could not start the cluster; its log follows"
            tail -n 40 "$SERVER_LOG" >&2
            exit 1
        fi
    fi
}

wait_ready() {
    local port="$1"
    for _ in $(seq 1 60); do
        if pg_isready -q -h 127.0.0.1 -p "$port"; then return; fi
        sleep 0.5
    done
    log "server on 127.0.0.1:$port did not become ready"
    exit 1
}

psql_admin() {
    as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PORT" -d postgres "$@"
}

create_role_and_db() {
    # Values go through psql variables (:'name' quoting), never pasted into SQL.
    psql_admin -v user="$PG_USER" -v password="$PG_PASSWORD" <<'SQL' >&2
SELECT format('CREATE ROLE %I LOGIN', :'user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'user', :'password') \gexec
SQL
    psql_admin -v user="$PG_USER" -v db="$PG_DB" <<'SQL' >&2
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
}

urlencode() {   # percent-encode everything but unreserved URL characters
    local LC_ALL=C text="$1" out="" char i
    for ((i = 0; i < ${#text}; i++)); do
        char="${text:i:1}"
        case "$char" in
            [A-Za-z0-9._~-]) out+="$char" ;;
            *) out+="$(printf '%%%02X' "'$char")" ;;
        esac
    done
    printf '%s' "$out"
}

install_postgres
CLUSTER="$(first_cluster)"   # a plain assignment, so set -e sees a failure
read -r VERSION NAME PORT STATUS <<<"$CLUSTER"
start_cluster "$VERSION" "$NAME" "$STATUS"
wait_ready "$PORT"
create_role_and_db
log "database $PG_DB ready on 127.0.0.1:$PORT for role $PG_USER"

echo "export HYNLP_TEST_POSTGRES_URL=postgresql+psycopg://$(urlencode "$PG_USER"):$(urlencode "$PG_PASSWORD")@127.0.0.1:$PORT/$(urlencode "$PG_DB")" >&3
