#!/usr/bin/env bash
# Runs `npm start` as a user would and checks the app really comes up, then stops it.
# Where Electron's binary is missing, npm start serves the app on 127.0.0.1; we load the page
# and confirm that what holds data is refused without the token. The page's own code is served to
# anyone on 127.0.0.1 (it holds no data; the token lives in the page's origin, never in a cookie).
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
data=$(mktemp -d)
# In a session of its own, so stopping it stops npm's children too (the server would outlive npm).
BYLINE_DB="$data/byline.db" setsid npm start >"$log" 2>&1 &
pid=$!
stop() {
  kill -TERM -- -"$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 -- -"$pid" 2>/dev/null || break; sleep 0.25; done
  kill -KILL -- -"$pid" 2>/dev/null || true
  rm -rf "$data"
}
trap stop EXIT
for _ in $(seq 1 120); do
  if grep -q 'http://127.0.0.1:[0-9]*/?token=' "$log"; then break; fi
  if ! kill -0 $pid 2>/dev/null; then cat "$log"; echo "npm start exited early"; exit 1; fi
  sleep 1
done
url=$(grep -o 'http://127.0.0.1:[0-9]*/?token=[A-Za-z0-9_-]*' "$log" | head -1)
[ -n "$url" ] || { cat "$log"; echo "npm start did not print its address"; exit 1; }
cat "$log"
base=${url%%\?*}
code=$(curl -s -o /dev/null -w '%{http_code}' "$url")
[ "$code" = 200 ] || { echo "app page answered $code"; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' "${base}download/byline.db")
[ "$code" = 403 ] || { echo "a download without the token answered $code, expected 403"; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: byline.example' "$url")
[ "$code" = 403 ] || { echo "a request with another Host answered $code, expected 403"; exit 1; }
echo "npm start smoke test: app served at $base, token enforced"
