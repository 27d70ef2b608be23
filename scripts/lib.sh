# shellcheck shell=bash disable=SC2034
# Shared functions for scripts/test, scripts/demo and .ci/run. Source it; do not run it.
#
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

QUARRY_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
QUARRY_JOBS=${QUARRY_JOBS:-2}

# Debian packages every build needs (the compiler, build tools and the libraries quarry uses).
QUARRY_BUILD_PACKAGES=(
  g++ cmake ninja-build meson pkg-config python3 procps
  libsqlite3-dev libpq-dev libboost1.81-dev libfmt-dev catch2
)

log()  { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

# quarry_require_packages PKG...
# Installs the Debian packages that are missing (as root), or prints the command to run and fails.
quarry_require_packages() {
  local missing=() pkg status
  for pkg in "$@"; do
    status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)
    [[ "$status" == ii* ]] || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0
  if ((EUID == 0)); then
    log "installing missing packages: ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  else
    printf 'error: missing packages: %s\nInstall them with:\n  sudo apt-get install -y %s\n' \
      "${missing[*]}" "${missing[*]}" >&2
    exit 1
  fi
}

# ---------------------------------------------------------------------------------------------
# Child processes that a signal interrupts at once.
#
# bash runs a trap only after the foreground command ends, so a long build or ctest would delay
# Ctrl-C / SIGTERM handling (and the server shutdown) until it finished. quarry_run starts the
# command in the background and waits for it: `wait` returns as soon as a trapped signal
# arrives, and quarry_kill_child then ends the command and everything it started.
# ---------------------------------------------------------------------------------------------
QUARRY_CHILD=

quarry_run() {
  local rc=0
  "$@" &
  QUARRY_CHILD=$!
  wait "$QUARRY_CHILD" || rc=$?
  QUARRY_CHILD=
  return "$rc"
}

# The process ids of PID and all its descendants, parents first.
quarry_process_tree() {
  local pid=$1 child
  echo "$pid"
  for child in $(pgrep -P "$pid" 2>/dev/null || true); do
    quarry_process_tree "$child"
  done
}

quarry_kill_child() {
  local pid=${QUARRY_CHILD:-} pids p
  [[ -n "$pid" ]] || return 0
  QUARRY_CHILD=
  kill -0 "$pid" 2>/dev/null || return 0
  # Freeze the tree first so nothing starts new processes while it is being ended.
  pids=$(quarry_process_tree "$pid")
  for p in $pids; do kill -STOP "$p" 2>/dev/null || true; done
  pids=$(quarry_process_tree "$pid")
  for p in $pids; do kill -TERM "$p" 2>/dev/null || true; done
  for p in $pids; do kill -CONT "$p" 2>/dev/null || true; done
  wait "$pid" 2>/dev/null || true
}

# ---------------------------------------------------------------------------------------------
# Throwaway PostgreSQL server
# ---------------------------------------------------------------------------------------------
QUARRY_PG_DIR=
QUARRY_PG_PID=
QUARRY_PG_BINDIR=

# The newest installed server's bin directory (Debian: /usr/lib/postgresql/<major>/bin).
quarry_pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$dir" && -x "$dir/initdb" ]]; then
    echo "$dir"
  elif command -v initdb >/dev/null; then
    dirname "$(command -v initdb)"
  else
    die "no PostgreSQL server found (initdb); install the 'postgresql' package"
  fi
}

# Run a server command as the server's owner: as root, the 'postgres' user (the server refuses to
# run as root); otherwise the current user. Runs from the server directory so that the postgres
# user never needs access to the caller's working directory.
quarry_pg_as_owner() {
  if ((EUID == 0)); then
    (cd "$QUARRY_PG_DIR" && runuser -u postgres -- "$@")
  else
    (cd "$QUARRY_PG_DIR" && "$@")
  fi
}

quarry_free_port() {
  python3 -c 'import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# Starts a server in a new temporary directory and exports QUARRY_TEST_PG. Call quarry_pg_stop
# (from an EXIT trap) to stop it and remove the directory.
quarry_pg_start() {
  local port conninfo
  local base=${TMPDIR:-/tmp}
  QUARRY_PG_BINDIR=$(quarry_pg_bindir)
  if ((EUID == 0)); then
    id postgres >/dev/null 2>&1 || die "user 'postgres' does not exist; install the 'postgresql' package"
    # The server runs as 'postgres', which must be able to reach the directory.
    (cd / && runuser -u postgres -- test -x "$base") 2>/dev/null || base=/tmp
  fi
  QUARRY_PG_DIR=$(mktemp -d "$base/quarry-pg.XXXXXX")
  if ((EUID == 0)); then
    chown postgres: "$QUARRY_PG_DIR"
  fi
  chmod 700 "$QUARRY_PG_DIR"

  log "initdb ($QUARRY_PG_BINDIR) in $QUARRY_PG_DIR"
  if ! quarry_pg_as_owner "$QUARRY_PG_BINDIR/initdb" -D "$QUARRY_PG_DIR/data" \
      --username=postgres --auth=trust --encoding=UTF8 --locale=C --no-sync \
      >"$QUARRY_PG_DIR/initdb.log" 2>&1; then
    cat "$QUARRY_PG_DIR/initdb.log" >&2
    die "initdb failed"
  fi

  port=$(quarry_free_port)
  cat >>"$QUARRY_PG_DIR/data/postgresql.conf" <<EOF

# --- quarry test server (scripts/lib.sh): throwaway, tuned for speed, not durability ---
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$QUARRY_PG_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
shared_buffers = 128MB
log_min_messages = warning
EOF

  log "starting PostgreSQL on 127.0.0.1:$port"
  if ! quarry_pg_as_owner "$QUARRY_PG_BINDIR/pg_ctl" -D "$QUARRY_PG_DIR/data" \
      -l "$QUARRY_PG_DIR/server.log" -w -t 60 start >"$QUARRY_PG_DIR/pg_ctl.log" 2>&1; then
    cat "$QUARRY_PG_DIR/pg_ctl.log" >&2 || true
    echo "---- server log ($QUARRY_PG_DIR/server.log) ----" >&2
    cat "$QUARRY_PG_DIR/server.log" >&2 || true
    die "the PostgreSQL test server did not start"
  fi
  QUARRY_PG_PID=$(head -n 1 "$QUARRY_PG_DIR/data/postmaster.pid" 2>/dev/null || true)

  if ! "$QUARRY_PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 \
      "host=127.0.0.1 port=$port dbname=postgres user=postgres" \
      -c "create role quarry login createdb" \
      -c "create database quarry_test owner quarry" >"$QUARRY_PG_DIR/psql.log" 2>&1; then
    cat "$QUARRY_PG_DIR/psql.log" >&2
    cat "$QUARRY_PG_DIR/server.log" >&2 || true
    die "could not create the quarry role and quarry_test database"
  fi

  conninfo="host=127.0.0.1 port=$port dbname=quarry_test user=quarry"
  export QUARRY_TEST_PG="$conninfo"
  log "PostgreSQL ready: QUARRY_TEST_PG=\"$QUARRY_TEST_PG\" (pid $QUARRY_PG_PID)"
}

# Stops the server started by quarry_pg_start (immediately: it holds only test data) and removes
# its directory. Safe to call more than once and when nothing was started.
quarry_pg_stop() {
  local dir=$QUARRY_PG_DIR pid=$QUARRY_PG_PID i
  [[ -n "$dir" ]] || return 0
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    quarry_pg_as_owner "$QUARRY_PG_BINDIR/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop \
      >/dev/null 2>&1 || true
  fi
  # pg_ctl returns when the pid file is gone; wait for the postmaster itself to exit as well.
  if [[ -n "$pid" ]]; then
    for ((i = 0; i < 100; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      warn "PostgreSQL (pid $pid) did not stop; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -rf "$dir"
  QUARRY_PG_DIR=
  QUARRY_PG_PID=
  log "PostgreSQL test server stopped"
}
