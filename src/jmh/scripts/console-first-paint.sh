#!/usr/bin/env bash
# First paint of the console in headless Chromium against a running hub (docs/benchmarks.md, "Console").
# Usage: src/jmh/scripts/console-first-paint.sh [hub-url] [user] [password] [runs]
# Signs in through the form in a fresh browser each run, waits until the console has drawn its panels, then reads
# performance.getEntriesByType('paint') and the navigation timing of the console page, and what the page fetched
# in the 30 s after (requests and bytes: the polling's cost). Needs /usr/bin/chromium, chromedriver, curl, python3.
set -euo pipefail
HUB=${1:-http://localhost:8080}
USER_NAME=${2:-operator}
PASSWORD=${3:-operator-demo}
RUNS=${4:-5}
PORT=9515
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}

"$CHROMEDRIVER" --port=$PORT >/dev/null 2>&1 &
DRIVER=$!
trap 'kill $DRIVER 2>/dev/null' EXIT
for _ in $(seq 50); do curl -sf "http://localhost:$PORT/status" >/dev/null && break; sleep 0.1; done

wd() { # method path [json]
  curl -sf -X "$1" "http://localhost:$PORT$2" -H 'Content-Type: application/json' ${3:+-d "$3"}
}
value() { python3 -c 'import json,sys; v=json.load(sys.stdin)["value"]; print(v if isinstance(v,str) else json.dumps(v))'; }
element() { # session css
  wd POST "/session/$1/element" "{\"using\":\"css selector\",\"value\":\"$2\"}" \
    | python3 -c 'import json,sys; print(list(json.load(sys.stdin)["value"].values())[0])'
}

for run in $(seq "$RUNS"); do
  PROFILE=$(mktemp -d)
  CAPS=$(printf '{"capabilities":{"alwaysMatch":{"browserName":"chrome","goog:chromeOptions":{"binary":"%s","args":["--headless=new","--no-sandbox","--disable-gpu","--disable-dev-shm-usage","--window-size=1400,1600","--user-data-dir=%s"]}}}}' "$CHROMIUM" "$PROFILE")
  SESSION=$(wd POST /session "$CAPS" | python3 -c 'import json,sys; print(json.load(sys.stdin)["value"]["sessionId"])')
  wd POST "/session/$SESSION/url" "{\"url\":\"$HUB/login\"}" >/dev/null
  wd POST "/session/$SESSION/element/$(element "$SESSION" '#username')/value" "{\"text\":\"$USER_NAME\"}" >/dev/null
  wd POST "/session/$SESSION/element/$(element "$SESSION" '#password')/value" "{\"text\":\"$PASSWORD\"}" >/dev/null
  wd POST "/session/$SESSION/element/$(element "$SESSION" 'button[type=submit]')/click" '{}' >/dev/null
  for _ in $(seq 100); do
    LOADED=$(wd POST "/session/$SESSION/execute/sync" '{"script":"return document.body.dataset.loaded || \"\"","args":[]}' | value)
    [ "$LOADED" = "true" ] && break
    sleep 0.1
  done
  TIMING=$(wd POST "/session/$SESSION/execute/sync" '{"script":"const p = Object.fromEntries(performance.getEntriesByType(\"paint\").map(e => [e.name, Math.round(e.startTime)])); const n = performance.getEntriesByType(\"navigation\")[0]; const bytes = performance.getEntriesByType(\"resource\").reduce((a, r) => a + r.transferSize, 0); return JSON.stringify({url: location.pathname, firstPaint: p[\"first-paint\"], firstContentfulPaint: p[\"first-contentful-paint\"], domContentLoaded: Math.round(n.domContentLoadedEventEnd), load: Math.round(n.loadEventEnd), loadBytes: bytes});","args":[]}' | value)
  wd POST "/session/$SESSION/execute/sync" '{"script":"performance.clearResourceTimings(); performance.setResourceTimingBufferSize(10000); return 1","args":[]}' >/dev/null
  sleep 30
  POLL=$(wd POST "/session/$SESSION/execute/sync" '{"script":"const r = performance.getEntriesByType(\"resource\"); const big = r.reduce((m, e) => e.transferSize > m.transferSize ? e : m, {transferSize: 0, name: \"\"}); return JSON.stringify({requests30s: r.length, bytes30s: r.reduce((a, e) => a + e.transferSize, 0), largest: big.name.replace(location.origin, \"\") + \" \" + big.transferSize});","args":[]}' | value)
  echo "run $run: $TIMING $POLL"
  wd DELETE "/session/$SESSION" >/dev/null
  rm -rf "$PROFILE"
done
