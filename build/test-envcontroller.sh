#!/usr/bin/env bash
# Runs the env-controller Lambda tests (unit tests and the moto integration test) for CI.
# Needs node >= 20 and npm; the integration test also needs moto_server (pip install "moto[server]").
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../src/envcontroller"

if [[ ! -d node_modules || package-lock.json -nt node_modules ]]; then
  npm ci --no-audit --no-fund
fi

node --test test/
