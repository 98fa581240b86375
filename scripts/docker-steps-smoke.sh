#!/usr/bin/env bash
# No Docker engine runs on these machines, so this replays the Dockerfile's runtime stage as plain
# commands: production-only install, the built lib/, app.yml, then `probot run` as in CMD, and
# the HEALTHCHECK against /ping. Needs `npm run build` first. Listens on 127.0.0.1 only.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
pid=""

cp "$root/package.json" "$root/package-lock.json" "$root/app.yml" "$work/"
cp -r "$root/lib" "$work/lib"
(cd "$work" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --prefer-offline >/dev/null)
if [ -e "$work/node_modules/vitest" ] || [ -e "$work/node_modules/typescript" ]; then
  echo "docker steps: dev dependencies leaked into the production install" >&2
  exit 1
fi

port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
key=$(cat "$root/test/helpers/test-private-key.pem")
(cd "$work" && NODE_ENV=production PORT="$port" HOST=127.0.0.1 APP_ID=1 PRIVATE_KEY="$key" \
  WEBHOOK_SECRET=smoke-secret LOG_LEVEL=warn node_modules/.bin/probot run ./lib/index.js) &
pid=$!

# The Dockerfile's HEALTHCHECK, verbatim apart from the port.
for _ in $(seq 1 50); do
  if PORT="$port" node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/ping').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; then
    echo "docker steps: production install OK, probot run answered /ping on 127.0.0.1:$port"
    exit 0
  fi
  sleep 0.2
done
echo "docker steps: /ping never answered" >&2
exit 1
