#!/usr/bin/env bash
# Ends the servers start.sh DIR started (by their pids), waiting for each to exit.
dir="$1"
for name in php php-strip php-seo mariadbd; do
  pid=$(cat "$dir/run/$name.pid" 2>/dev/null) || continue
  kill "$pid" 2>/dev/null || continue
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$dir/run/$name.pid"
done
