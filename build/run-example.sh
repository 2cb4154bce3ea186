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
# The CLI also remembers where a local tool of each version was restored (toolResolverCache in its home): an entry left
# by an earlier run of the same version would point into a cache that is gone, so the CLI home is throw-away too.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export NUGET_PACKAGES="$scratch/nuget" DOTNET_CLI_HOME="$scratch/cli-home" DOTNET_NOLOGO=1
[[ -f dotnet-tools.json || -f .config/dotnet-tools.json ]] || dotnet new tool-manifest >/dev/null
dotnet tool uninstall --local Copilot.Tool >/dev/null 2>&1 || true
dotnet tool install --local Copilot.Tool --version "$version" --add-source "$root/artifacts/packages" >&2
dotnet copilot-job package -n report-generator -e test "$@"
