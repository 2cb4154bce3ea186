#!/usr/bin/env bash
# Packs the tool, installs it as a local tool of the example workspace, and packages the example job
# for environment "test" with no AWS account. Extra arguments go to `package` (e.g. --output-dir out).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/build/pack.sh" >&2
example="$root/examples/report-generator"
cd "$example"
version=$("$root/build/package-version.sh" Copilot.Tool)
# Each commit packs a new version (MinVer), but a work tree with uncommitted changes packs the same version again,
# and a NuGet cache that already holds that version would hand back the old build. So the tool is installed into,
# and run from (a local tool runs from the cache), a throw-away NuGet cache; the user's ~/.nuget/packages is never
# read or written. MinVer build metadata would not help: NuGet ignores it when it compares versions.
export NUGET_PACKAGES
NUGET_PACKAGES=$(mktemp -d)
trap 'rm -rf "$NUGET_PACKAGES"' EXIT
[[ -f dotnet-tools.json || -f .config/dotnet-tools.json ]] || dotnet new tool-manifest >/dev/null
dotnet tool uninstall --local Copilot.Tool >/dev/null 2>&1 || true
dotnet tool install --local Copilot.Tool --version "$version" --add-source "$root/artifacts/packages" >&2
dotnet copilot-job package -n report-generator -e test "$@"
