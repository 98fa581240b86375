#!/usr/bin/env bash
# No Docker engine runs on these machines, so this replays the Dockerfile's runtime stage as plain
# commands: production-only install, the built lib/, app.yml, then `node lib/main.js` as in CMD, and
# the HEALTHCHECK against /ping. Needs `npm run build` first. Listens on 127.0.0.1 only.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
pid=""

cp "$root/package.json" "$root/package-lock.json" "$root/app.yml" "$work/"
cp -r "$root/lib" "$work/lib"
(cd "$work" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error >/dev/null)
if [ -e "$work/node_modules/vitest" ] || [ -e "$work/node_modules/typescript" ]; then
  echo "docker steps: dev dependencies leaked into the production install" >&2
  exit 1
fi

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
port=$(free_port)
# The App's scheduler asks GitHub for installations at start-up: point "GitHub" at a closed
# loopback port so nothing ever leaves this machine.
github_port=$(free_port)
key=$(cat "$root/test/helpers/test-private-key.pem")
(cd "$work" && NODE_ENV=production PORT="$port" HOST=127.0.0.1 APP_ID=1 PRIVATE_KEY="$key" \
  WEBHOOK_SECRET=smoke-secret LOG_LEVEL=fatal GHE_HOST="127.0.0.1:$github_port" GHE_PROTOCOL=http \
  MALLOC_ARENA_MAX=2 MALLOC_TRIM_THRESHOLD_=131072 node --max-old-space-size=512 --max-semi-space-size=2 --heap-growing-percent=20 lib/main.js) &
pid=$!

# Production without a webhook secret must refuse to start (forged deliveries would be accepted).
set +e
(cd "$work" && NODE_ENV=production PORT="$(free_port)" HOST=127.0.0.1 APP_ID=1 PRIVATE_KEY="$key" \
  LOG_LEVEL=fatal GHE_HOST="127.0.0.1:$github_port" GHE_PROTOCOL=http \
  timeout 20 node lib/main.js >/dev/null 2>"$work/no-secret.log")
refused=$?
set -e
if [ "$refused" -eq 0 ] || [ "$refused" -eq 124 ] || ! grep -q "WEBHOOK_SECRET is required" "$work/no-secret.log"; then
  echo "docker steps: production started without WEBHOOK_SECRET (exit $refused)" >&2
  exit 1
fi

# The Dockerfile's HEALTHCHECK, verbatim apart from the port.
for _ in $(seq 1 50); do
  if PORT="$port" node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/ping').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; then
    echo "docker steps: production install OK, node lib/main.js answered /ping on 127.0.0.1:$port"
    exit 0
  fi
  sleep 0.2
done
echo "docker steps: /ping never answered" >&2
exit 1
