#!/usr/bin/env bash
# Installs Node-RED into a cache folder outside the repository and prints that folder.
# Node-RED scans every node_modules folder above its own install for node modules, so one run
# from the workspace would find the workspace's link to the package under test and load it
# from there: the palette install would prove nothing. A standalone install, like a user's,
# sees only what its user directory installs. Reused when already complete.
set -euo pipefail

VERSION="${NODE_RED_VERSION:-5.0.7}"
CACHE="${NODE_RED_CACHE_DIR:-$HOME/.cache/switchboard/node-red-$VERSION}"
LOG="$CACHE.install.log"

if [ -f "$CACHE/.complete" ]; then
  echo "$CACHE"
  exit 0
fi

mkdir -p "$(dirname "$CACHE")"
exec 9>"$CACHE.lock"
flock 9
if [ -f "$CACHE/.complete" ]; then
  echo "$CACHE"
  exit 0
fi

mkdir -p "$CACHE"
cat >"$CACHE/package.json" <<JSON
{
  "name": "switchboard-node-red-cache",
  "private": true,
  "dependencies": { "node-red": "$VERSION" }
}
JSON

: >"$LOG"
(cd "$CACHE" && npm install --no-audit --no-fund >>"$LOG" 2>&1) || {
  echo "Node-RED install failed — see $LOG (delete $CACHE to retry from scratch)" >&2
  exit 1
}
[ -f "$CACHE/node_modules/node-red/red.js" ] || {
  echo "Node-RED install incomplete: no node_modules/node-red/red.js in $CACHE" >&2
  exit 1
}
touch "$CACHE/.complete"
echo "$CACHE"
