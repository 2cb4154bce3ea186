#!/usr/bin/env bash
# End-to-end timing: the installed tool packaging the example workspace versus a .NET "hello world" start,
# each run RUNS times (default 20) after one warm-up. Prints mean and median wall time in milliseconds.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs=${RUNS:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[[ -d "$root/artifacts/packages" ]] || "$root/build/pack.sh" >/dev/null
version=$("$root/build/package-version.sh" Copilot.Tool)
# A throw-away NuGet cache, so an older build of the same version (uncommitted changes) is never the one measured.
NUGET_PACKAGES="$work/nuget" dotnet tool install Copilot.Tool --version "$version" --tool-path "$work/tools" --add-source "$root/artifacts/packages" >/dev/null

mkdir -p "$work/hello"
cat > "$work/hello/hello.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
</Project>
XML
echo 'System.Console.WriteLine("hello");' > "$work/hello/Program.cs"
dotnet build "$work/hello" -c Release -o "$work/hello/bin" --nologo -v q >/dev/null
cp -r "$root/examples/report-generator" "$work/example"

measure() { # label, command...
  local label=$1; shift
  "$@" >/dev/null
  local times=()
  for ((i = 0; i < runs; i++)); do
    local start end
    start=$(date +%s%N); "$@" >/dev/null; end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" '{ a[NR] = $1; s += $1 } END { printf "%-32s mean %5.0f ms   median %5.0f ms   (n=%d)\n", label, s / NR, (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2), NR }'
}

cd "$work/example"
measure "dotnet hello world" "$work/hello/bin/hello"
measure "dotnet-copilot-job package" "$work/tools/dotnet-copilot-job" package -n report-generator -e test
