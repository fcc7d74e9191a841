#!/usr/bin/env bash
# Makes sure MariaDB/MySQL and Redis answer on the configured host and port. Starts the local
# servers if they are installed but stopped; otherwise says how to start them and fails.
set -euo pipefail
DB_HOST=${DB_HOST:-127.0.0.1}; DB_PORT=${DB_PORT:-3306}
REDIS_HOST=${REDIS_HOST:-127.0.0.1}; REDIS_PORT=${REDIS_PORT:-6379}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null && exec 3>&- ; }
wait_port() { for _ in $(seq 1 60); do port_open "$1" "$2" && return 0; sleep 0.5; done; return 1; }
is_local() { [[ "$1" == "127.0.0.1" || "$1" == "localhost" ]]; }

if ! port_open "$DB_HOST" "$DB_PORT"; then
  if is_local "$DB_HOST" && [ -x /usr/sbin/mariadbd ]; then
    echo "ensure-services: starting the local MariaDB"
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql >/dev/null 2>&1 \
      || (/usr/sbin/mariadbd --user=mysql >/dev/null 2>&1 &)
    wait_port "$DB_HOST" "$DB_PORT" || { echo "ensure-services: MariaDB did not start" >&2; exit 1; }
  else
    echo "ensure-services: no database answers on $DB_HOST:$DB_PORT." >&2
    echo "  Start MariaDB 10.11 / MySQL 8 there, or run: docker compose -f docker/compose.dev.yml up -d" >&2
    exit 1
  fi
fi

if ! port_open "$REDIS_HOST" "$REDIS_PORT"; then
  if is_local "$REDIS_HOST" && command -v redis-server >/dev/null; then
    echo "ensure-services: starting the local Redis"
    mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/diandan.log >/dev/null
    wait_port "$REDIS_HOST" "$REDIS_PORT" || { echo "ensure-services: Redis did not start" >&2; exit 1; }
  else
    echo "ensure-services: no Redis answers on $REDIS_HOST:$REDIS_PORT." >&2
    echo "  Start Redis 7 there, or run: docker compose -f docker/compose.dev.yml up -d" >&2
    exit 1
  fi
fi
echo "ensure-services: database at $DB_HOST:$DB_PORT and Redis at $REDIS_HOST:$REDIS_PORT answer"
