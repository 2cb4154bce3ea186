#!/usr/bin/env bash
# Packs Copilot.Packaging and Copilot.Tool into artifacts/packages.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf artifacts/packages
dotnet pack Copilot.Tool.sln -c Release -o artifacts/packages --nologo -clp:NoSummary
ls artifacts/packages
