#!/usr/bin/env bash
# A throwaway PostgreSQL on loopback for the tests (decision 0041): the newest of Debian's
# /usr/lib/postgresql/*/bin, a private cluster in DIR/data, listening on 127.0.0.1 only at a free
# port, its unix socket in DIR/run, scram-sha-256 for every connection, and one superuser
# postwright_admin with a random password. Writes DIR/server.properties (host, port, user,
# password); stop.sh DIR stops it. A cluster left running by a killed earlier run is stopped and
# removed first. PostgreSQL refuses to run as root: as root, DIR belongs to the postgres user and
# the server's tools run as that user.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "PostgreSQL for the tests needs Debian's postgresql package (apt-get install postgresql)" >&2
  exit 3
fi
mkdir -p "$1"
dir="$(cd "$1" && pwd)"
as_server=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || { echo "Running as root needs the postgres system user (made by the postgresql package)" >&2; exit 3; }
  as_server=(runuser -u postgres --)
fi

# A cluster of an earlier run that was killed before its shutdown hook: stopped, then removed.
if [ -f "$dir/data/postmaster.pid" ]; then
  "${as_server[@]}" "$bin/pg_ctl" -D "$dir/data" stop -m immediate -w -t 30 >/dev/null 2>&1 || true
  stale=$(head -1 "$dir/data/postmaster.pid" 2>/dev/null || true)
  if [ -n "$stale" ] && kill -0 "$stale" 2>/dev/null \
      && grep -q postgres "/proc/$stale/comm" 2>/dev/null; then kill -9 "$stale" 2>/dev/null || true; fi
fi
rm -rf "$dir/data" "$dir/run" "$dir/server.properties" "$dir/password"
mkdir -p "$dir/run"
[ ${#as_server[@]} -gt 0 ] && chown postgres: "$dir" "$dir/run"
chmod 700 "$dir"

password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')
( umask 077; printf '%s\n' "$password" >"$dir/password" )
[ ${#as_server[@]} -gt 0 ] && chown postgres: "$dir/password"
"${as_server[@]}" "$bin/initdb" -D "$dir/data" -U postwright_admin --pwfile="$dir/password" \
  --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/run/initdb.log" 2>&1 \
  || { echo "initdb failed:" >&2; tail -5 "$dir/run/initdb.log" >&2; exit 1; }
rm -f "$dir/password"
# Loopback IPv4 and the private socket only, both with a password.
printf 'local all all scram-sha-256\nhost all all 127.0.0.1/32 scram-sha-256\n' \
  | "${as_server[@]}" tee "$dir/data/pg_hba.conf" >/dev/null

# Durability is not what the tests measure: fsync off keeps a test's CREATE DATABASE fast. The
# benchmarks set POSTWRIGHT_PG_DURABLE=1 for a server that flushes every commit, as a real one does.
durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[ "${POSTWRIGHT_PG_DURABLE:-}" = 1 ] && durability=""

# A free port: one nothing answers on, tried again if another program takes it first.
for attempt in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 40000))
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
  if "${as_server[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/run/postgres.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir/run \
          -c max_connections=200 $durability" \
      >"$dir/run/pg_ctl.log" 2>&1; then
    ( umask 077; printf 'host=127.0.0.1\nport=%s\nuser=postwright_admin\npassword=%s\n' "$port" "$password" \
        >"$dir/server.properties" )
    exit 0
  fi
done
echo "PostgreSQL did not start:" >&2
tail -5 "$dir/run/postgres.log" >&2 2>/dev/null || cat "$dir/run/pg_ctl.log" >&2
exit 1
