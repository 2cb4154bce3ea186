#!/usr/bin/env bash
# Runs every test: the .NET suites (unit, golden, cfn-lint, moto, packed-tool end to end) and the env-controller's own tests.
set -euo pipefail
cd "$(dirname "$0")/.."
./build/prerequisites.sh
configuration=${CONFIGURATION:-Release}
CONFIGURATION="$configuration" ./build/build.sh
dotnet test Copilot.Tool.sln -c "$configuration" --no-build --nologo
if [[ -x build/test-envcontroller.sh ]]; then
  ./build/test-envcontroller.sh
fi
