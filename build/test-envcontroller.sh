#!/usr/bin/env bash
# Runs the env-controller Lambda tests (unit tests and the moto integration test).
#   --fast   only the unit tests (leaves out test/*.integration.test.js, which starts moto_server)
# Needs node >= 20 and npm; the integration test also needs moto_server (moto[server] 5.x, see build/prerequisites.sh).
# ENVCONTROLLER_TEST_REPORTER picks node's test reporter (test.sh sets tap to count the results).
set -euo pipefail

fast=false
for arg in "$@"; do
  case "$arg" in
    --fast) fast=true ;;
    *) echo "error: unknown argument '$arg' (use --fast or nothing)" >&2; exit 2 ;;
  esac
done

cd "$(dirname "${BASH_SOURCE[0]}")/../src/envcontroller"

if [[ ! -d node_modules || package-lock.json -nt node_modules ]]; then
  npm ci --no-audit --no-fund
fi

reporter=()
if [[ -n "${ENVCONTROLLER_TEST_REPORTER:-}" ]]; then
  reporter=(--test-reporter="$ENVCONTROLLER_TEST_REPORTER")
fi

if $fast; then
  mapfile -t files < <(find test -maxdepth 1 -name '*.test.js' ! -name '*.integration.test.js' | sort)
  node --test "${reporter[@]}" "${files[@]}"
else
  node --test "${reporter[@]}" test/
fi
