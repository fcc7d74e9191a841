#!/usr/bin/env bash
# A private MariaDB for the bench (bench/README.md, "A second server"): its own data directory, port and
# buffer pool, so that a bench can run with a buffer pool that holds the 1M-need dataset, and with a
# statement counter and CPU time that belong to the bench alone — without touching the shared server.
#
#   bash bench/private-mariadb.sh start   # port 3307 (BENCH_MARIADB_PORT), buffer pool 2G (BENCH_MARIADB_POOL)
#   DB_PORT=3307 npx ts-node --transpile-only -P backend/tsconfig.app.json bench/seed-scale.ts
#   DB_PORT=3307 npx ts-node --transpile-only -P backend/tsconfig.app.json bench/needs-list.ts
#   bash bench/private-mariadb.sh stop
#   bash bench/private-mariadb.sh destroy # stop and delete its data directory
set -euo pipefail
PORT=${BENCH_MARIADB_PORT:-3307}
POOL=${BENCH_MARIADB_POOL:-2G}
DIR=${BENCH_MARIADB_DIR:-/tmp/diandan-bench/mariadb-$PORT}
[ "$PORT" != 3306 ] || { echo "private-mariadb: refusing port 3306 (the shared server)" >&2; exit 1; }

pid() { cat "$DIR/run/mysqld.pid" 2>/dev/null || true; }
running() { local p; p=$(pid); [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }

case "${1:-}" in
  start)
    if running; then echo "private-mariadb: already running on port $PORT (pid $(pid))"; exit 0; fi
    mkdir -p "$DIR/data" "$DIR/run"
    cat > "$DIR/my.cnf" <<EOF
[mysqld]
user = mysql
datadir = $DIR/data
socket = $DIR/run/mysqld.sock
pid-file = $DIR/run/mysqld.pid
port = $PORT
bind-address = 127.0.0.1
skip-name-resolve
innodb_buffer_pool_size = $POOL
innodb_log_file_size = 512M
max_connections = 200
log-error = $DIR/error.log
EOF
    chown -R mysql:mysql "$DIR"
    if [ ! -d "$DIR/data/mysql" ]; then
      mariadb-install-db --defaults-file="$DIR/my.cnf" --auth-root-authentication-method=normal > "$DIR/install.log" 2>&1
    fi
    setsid /usr/sbin/mariadbd --defaults-file="$DIR/my.cnf" > "$DIR/stdout.log" 2>&1 < /dev/null &
    for _ in $(seq 1 60); do
      if mysql -h127.0.0.1 -P"$PORT" -uroot -e 'SELECT 1' >/dev/null 2>&1; then
        echo "private-mariadb: running on 127.0.0.1:$PORT (pid $(pid)), innodb_buffer_pool_size $POOL, data in $DIR"
        exit 0
      fi
      sleep 1
    done
    echo "private-mariadb: did not start, see $DIR/error.log" >&2; exit 1 ;;
  stop|destroy)
    if running; then
      p=$(pid); kill "$p"
      for _ in $(seq 1 60); do kill -0 "$p" 2>/dev/null || break; sleep 1; done
      echo "private-mariadb: stopped (pid $p)"
    else
      echo "private-mariadb: not running"
    fi
    if [ "$1" = destroy ]; then rm -rf "$DIR"; echo "private-mariadb: removed $DIR"; fi ;;
  *)
    echo "usage: $0 start|stop|destroy" >&2; exit 2 ;;
esac
