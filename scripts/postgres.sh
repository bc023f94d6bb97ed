# A throwaway PostgreSQL server for the test suite: started from the machine's own
# binaries on a free loopback port, owned by the `postgres` user (it refuses root),
# stopped and removed by `stop_test_postgres`. Sourced by scripts/test.

pg_bin() {
  if command -v initdb >/dev/null; then dirname "$(readlink -f "$(command -v initdb)")"; else dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

as_pg_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_test_postgres() {
  ensure_postgres
  local bin port
  bin="$(pg_bin)"
  port="$(free_port)"
  PG_DIR="$(mktemp -d /tmp/brug-pg.XXXXXX)"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$PG_DIR"
  fi
  say "Starting a throwaway PostgreSQL on 127.0.0.1:$port"
  as_pg_user "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --no-sync >/dev/null
  as_pg_user "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c max_connections=400" start >/dev/null
  PG_PORT="$port"
  export BRUG_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
}

stop_test_postgres() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
    as_pg_user "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
