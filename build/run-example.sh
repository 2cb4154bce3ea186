#!/usr/bin/env bash
# Packs the tool, installs it as a local tool of the example workspace, and packages the example job
# for environment "test" with no AWS account. Extra arguments go to `package` (e.g. --output-dir out).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/build/pack.sh" >&2
example="$root/examples/report-generator"
cd "$example"
[[ -f dotnet-tools.json || -f .config/dotnet-tools.json ]] || dotnet new tool-manifest >/dev/null
# A rebuilt package keeps its version number: drop the cached copy so the fresh one is installed.
forget_cached_tool() { rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/copilot.tool/$1"; }
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -n 1)
dotnet tool uninstall --local Copilot.Tool >/dev/null 2>&1 || true
forget_cached_tool "$version"; dotnet tool install --local Copilot.Tool --version "$version" --add-source "$root/artifacts/packages" >&2
dotnet copilot-job package -n report-generator -e test "$@"
