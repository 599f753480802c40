#!/usr/bin/env bash
# Installs the pinned Azurite (package.json + package-lock.json) when it is missing or stale.
# It only installs; scripts/azurite.js starts Azurite, always with --disableTelemetry.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "Node.js 20+ and npm are needed for Azurite, the Azure Storage emulator." >&2
  exit 1
fi
stamp=node_modules/.kim-lock-stamp
if [ ! -f node_modules/azurite/dist/src/azurite.js ] || ! cmp -s package-lock.json "$stamp"; then
  echo "Installing Azurite (npm ci)…" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
  cp package-lock.json "$stamp"
fi
