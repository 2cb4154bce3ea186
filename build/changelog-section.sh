#!/usr/bin/env bash
# Prints the CHANGELOG.md section of a version: `## [1.2.3]` for 1.2.3, `## [Unreleased]` for a pre-release.
# The same MSBuild target fills the packages' release notes, so the GitHub release and nuget.org say the same.
# Usage: build/changelog-section.sh <version>   (a leading v, as in a tag v1.2.3, is dropped)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
[[ $# -eq 1 && -n $1 ]] || { echo "usage: $0 <version>" >&2; exit 2; }
version=${1#v}
section=$(dotnet msbuild "$root/build/Changelog.targets" -nologo -t:GetChangelogSection -getProperty:ChangelogSection \
  "-p:ChangelogVersion=$version") || { echo "$section" >&2; exit 1; }
printf '%s\n' "$section"
