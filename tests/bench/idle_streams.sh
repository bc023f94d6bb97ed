#!/usr/bin/env bash
# What idle event streams cost: a release server with the demo data on a fresh SQLite
# database, PER streams for each of the ten demo people (at most ten each), then the
# server's CPU over ten seconds and its resident memory. Run by hand:
#
#     cargo build --release -p server && tests/bench/idle_streams.sh 10
set -euo pipefail
cd "$(dirname "$0")/../.."
PER="${1:-10}"
DATA="$(mktemp -d /tmp/brug-idle.XXXXXX)"
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
BRUG_ADDR="127.0.0.1:$PORT" DATABASE_URL="sqlite://$DATA/brug.db" BRUG_DEMO_DATA=true BRUG_CONFIG=/dev/null BRUG_LOG=warn \
  target/release/server >"$DATA/server.log" 2>&1 &
SERVER=$!
CLIENTS=""
cleanup() { kill $CLIENTS "$SERVER" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
for user in sarah marleen yusuf lotte ahmed karim youssef hanane pieter coordinator; do
  token="$(curl -fsS -X POST "http://127.0.0.1:$PORT/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"brug-demo-2026\",\"device_name\":\"bench\"}" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')"
  for _ in $(seq 1 "$PER"); do
    curl -sN "http://127.0.0.1:$PORT/api/v1/events" -H "authorization: Bearer $token" >/dev/null 2>&1 &
    CLIENTS="$CLIENTS $!"
  done
done
sleep 3
ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER/stat"; }
before="$(ticks)"; sleep 10; after="$(ticks)"
rss_kb="$(awk '/VmRSS/ { print $2 }' "/proc/$SERVER/status")"
# Ticks are hundredths of a second: 1,000 in ten seconds is one whole core.
echo "$((PER * 10)) idle streams: $((after - before)) ticks in 10 s = $(python3 -c "print(($after - $before) / 10)") % of one core; server RSS $((rss_kb / 1024)) MB"
