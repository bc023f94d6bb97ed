#!/usr/bin/env bash
# Fuzzes every /api/v1 operation of the OpenAPI document with Schemathesis against a
# running Brug with the demo data, signed in as a participant (Sarah) and as a worker
# (Lotte). Fails on any 5xx, any status code the document does not list, any answer
# whose content type or body does not match it.
#
#     scripts/api_fuzz.sh http://127.0.0.1:PORT [SEED]
#
# The test command runs it with a fixed seed, so a run can be replayed; give another
# seed to explore further. Operations that end the session they run in (signing out,
# revoking the device, changing the password, leaving the case) are left out: the
# integration suite tests each of them, and here they would end the fuzzing's own
# sign-in half-way. The event stream gets a few cases of its own: each one holds a
# stream open for seconds, and it takes no input but where to resume.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/tools.sh"
BASE="$1"
SEED="${2:-20261201}"

token() {
  curl -fsS -X POST "$BASE/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"brug-demo-2026\",\"device_name\":\"API fuzzing\"}" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}

fuzz() {
  "$TOOLS_DIR/venv/bin/st" run "$BASE/api/v1/openapi.json" --header "Authorization: Bearer $1" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --seed "$SEED" --generation-database none --no-color "${@:2}"
}

status=0
for person in sarah lotte; do
  say "Fuzzing the API as $person"
  signed_in="$(token "$person")"
  fuzz "$signed_in" --phases examples,coverage,fuzzing --max-examples 10 --request-timeout 30 \
    --exclude-path-regex 'auth/logout|sign-out-everywhere|/me/password|/me/devices/|/members/\{user_id\}/end|^/api/v1/events$' ||
    status=1
  # A stream stays open: each case reads what arrives within three seconds.
  fuzz "$signed_in" --phases examples,fuzzing --max-examples 3 --request-timeout 3 --include-path /api/v1/events ||
    status=1
done
exit "$status"
