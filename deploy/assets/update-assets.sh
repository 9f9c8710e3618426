#!/usr/bin/env bash
# Installs the pinned browser assets (package-lock.json) and copies the files the portal serves into wwwroot/lib.
# The copies are committed, so building and running the portal needs no Node.js.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
target="$here/../../src/ReportingPortal.Web/wwwroot/lib/altcha"

(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
rm -rf "$target"
mkdir -p "$target"
# The "external" build keeps its stylesheet and worker in separate files, so it runs under a CSP without 'unsafe-inline'.
cp "$here/node_modules/altcha/dist_external/altcha.js" \
   "$here/node_modules/altcha/dist_external/altcha.css" \
   "$here/node_modules/altcha/dist_external/worker.js" \
   "$here/node_modules/altcha/LICENSE.txt" "$target/"
echo "copied altcha $(node -p "require('$here/node_modules/altcha/package.json').version") to $target"
