#!/usr/bin/env bash
# Builds the solution (warnings are errors) in Release, or in $CONFIGURATION.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build Copilot.Tool.sln -c "${CONFIGURATION:-Release}" --nologo -clp:NoSummary
