#!/usr/bin/env bash
# Installs the packed tool globally into a temporary tool path and as a local tool, packages the example workspace
# for every environment, and lints what it wrote with cfn-lint. Where artifacts/packages holds this machine's native
# package, that is the one installed; the framework-dependent fallback (Copilot.Tool.any) must write the same bytes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
[[ -d "$root/artifacts/packages" ]] || "$root/build/pack.sh"
version=$("$root/build/package-version.sh" Copilot.Tool)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A work tree with uncommitted changes packs the same version as its commit, so a NuGet cache may hold an older build
# of this version: install and run from a throw-away cache, never the user's ~/.nuget/packages.
export NUGET_PACKAGES="$work/nuget"
# The CLI also remembers where a local tool of each version was restored (toolResolverCache in its home): an entry left
# by an earlier install of the same version would point into a cache that is gone, so the CLI home is throw-away too.
export DOTNET_CLI_HOME="$work/cli-home"

echo "== global install into a tool path"
dotnet tool install Copilot.Tool --version "$version" --tool-path "$work/tools" --add-source "$root/artifacts/packages" >/dev/null
host_rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)
if [[ -f "$root/artifacts/packages/Copilot.Tool.$host_rid.$version.nupkg" ]]; then
  # The tool path links into the store folder of the package the CLI chose.
  installed=$(cd "$work/tools" && ls -l dotnet-copilot-job*)
  [[ $installed == *"copilot.tool.$host_rid/"* ]] || { echo "Copilot.Tool did not install the native package Copilot.Tool.$host_rid: $installed" >&2; exit 1; }
  echo "installed the native package Copilot.Tool.$host_rid"
fi
"$work/tools/dotnet-copilot-job" --version | tee "$work/version.txt"
grep -q -F "copilot-job $version (commit " "$work/version.txt" || { echo "--version does not name version $version" >&2; exit 1; }
cp -r "$root/examples/report-generator" "$work/example"
cd "$work/example"
for env in test prod; do
  "$work/tools/dotnet-copilot-job" package -n report-generator -e "$env" --output-dir "$work/out"
done
"$work/tools/dotnet-copilot-job" package -n report-generator -e test > "$work/stdout.stack.yml"
cmp "$work/stdout.stack.yml" "$work/out/report-generator-test.stack.yml"

echo "== cfn-lint"
# Exit bits: 2 errors, 4 warnings, 8 info. Warnings copilot's templates also have (unused TaskCount, the explicit
# DependsOn LogGroup) are kept for parity; the one error allowed is E3601 on the DefinitionSubstitutions variable
# ${Partition} inside the state machine definition, which cfn-lint cannot resolve.
set +e
lint=$(cfn-lint --format parseable "$work"/out/*.stack.yml)
status=$?
set -e
if (( status & ~6 )); then echo "cfn-lint did not run (exit $status): $lint" >&2; exit 1; fi
errors=$(grep -E ':E[0-9]+:' <<<"$lint" | grep -v -E ':E3601:.*arn:\$\{Partition\}:' || true)
if [[ -n $errors ]]; then echo "cfn-lint errors:" >&2; echo "$errors" >&2; exit 1; fi
echo "cfn-lint: no errors"

echo "== the fallback package"
dotnet tool install Copilot.Tool.any --version "$version" --tool-path "$work/fallback" --add-source "$root/artifacts/packages" >/dev/null
"$work/fallback/dotnet-copilot-job" package -n report-generator -e test | cmp - "$work/out/report-generator-test.stack.yml"

echo "== local tool manifest"
dotnet new tool-manifest >/dev/null
dotnet tool install --local Copilot.Tool --version "$version" --add-source "$root/artifacts/packages" >/dev/null
dotnet copilot-job package -n report-generator -e test | cmp - "$work/out/report-generator-test.stack.yml"
echo "smoke test passed"
