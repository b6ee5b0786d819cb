#!/usr/bin/env bash
# Stops the cluster start.sh DIR started (fast: open sessions are ended), waiting until it is down.
dir="$1"
[ -f "$dir/data/postmaster.pid" ] || exit 0
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
as_server=(); [ "$(id -u)" = 0 ] && as_server=(runuser -u postgres --)
"${as_server[@]}" "$bin/pg_ctl" -D "$dir/data" stop -m fast -w -t 30 >/dev/null 2>&1 \
  || "${as_server[@]}" "$bin/pg_ctl" -D "$dir/data" stop -m immediate -w -t 30 >/dev/null 2>&1 || true
