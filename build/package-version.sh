#!/usr/bin/env bash
# Prints the version of the package PACKAGE_ID (default Copilot.Tool) that build/pack.sh wrote to artifacts/packages,
# read from the .nupkg file name (MinVer chose it from the git tags at pack time).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
id=${1:-Copilot.Tool}
shopt -s nullglob
versions=()
for nupkg in "$root/artifacts/packages/$id".*.nupkg; do
  version=${nupkg##*/"$id".}
  version=${version%.nupkg}
  # Copilot.Tool.* also matches other ids starting with Copilot.Tool.; a version starts with a digit.
  [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+ ]] && versions+=("$version")
done
if (( ${#versions[@]} != 1 )); then
  echo "error: expected one $id package in artifacts/packages, found ${#versions[@]}: run build/pack.sh" >&2
  exit 1
fi
echo "${versions[0]}"
