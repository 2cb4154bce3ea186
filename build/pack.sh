#!/usr/bin/env bash
# Packs into artifacts/packages:
#   Copilot.Packaging, Copilot.Packaging.Aws   the libraries
#   Copilot.Tool                               the tool's pointer package: no code, it names one package per platform
#                                              (dotnet tool install picks the one of the machine it runs on)
#   Copilot.Tool.any                           the framework-dependent fallback, for every platform without a native one
#   Copilot.Tool.<rid>                         the Native AOT tool of this machine (linux-x64 here), when Copilot.Tool
#                                              names its platform; needs clang and zlib (./build/prerequisites.sh --native)
#
#   ./build/pack.sh              all of the above (artifacts/packages is emptied first)
#   ./build/pack.sh --rid RID    only Copilot.Tool.RID, added to artifacts/packages; Native AOT does not cross-compile
#                                between operating systems, so the release workflow runs this on a machine of each platform
#   ./build/pack.sh --no-native  all but the native package
set -euo pipefail
cd "$(dirname "$0")/.."
tool=src/Copilot.Tool/Copilot.Tool.csproj
mode=all
rid=
while (( $# > 0 )); do
  case "$1" in
    --rid) [[ $# -ge 2 ]] || { echo "error: --rid needs a runtime identifier (e.g. linux-x64)" >&2; exit 2; }; mode=rid; rid=$2; shift ;;
    --no-native) mode=no-native ;;
    *) echo "error: unknown argument '$1' (use --rid RID, --no-native or nothing)" >&2; exit 2 ;;
  esac
  shift
done

# The RIDs Copilot.Tool names (ToolPackageRuntimeIdentifiers in the project file), without the fallback "any".
native_rids=$(sed -n 's:.*<ToolPackageRuntimeIdentifiers>\(.*\)</ToolPackageRuntimeIdentifiers>.*:\1:p' "$tool" | tr ';' '\n' | grep -v -x any)

pack_native() {
  local rid=$1
  if ! grep -q -x -F "$rid" <<<"$native_rids"; then
    echo "error: Copilot.Tool has no native package for $rid (it names: $(echo $native_rids))" >&2
    exit 2
  fi
  echo "Packing Copilot.Tool.$rid (Native AOT) ..."
  dotnet pack "$tool" -c Release -r "$rid" -o artifacts/packages --nologo -clp:NoSummary
}

if [[ $mode == rid ]]; then
  pack_native "$rid"
  ls artifacts/packages
  exit 0
fi

rm -rf artifacts/packages
# The libraries and the pointer package (a pack without a RID).
dotnet pack Copilot.Tool.sln -c Release -o artifacts/packages --nologo -clp:NoSummary
echo "Packing Copilot.Tool.any (framework-dependent fallback) ..."
dotnet pack "$tool" -c Release -r any -o artifacts/packages --nologo -clp:NoSummary
if [[ $mode == all ]]; then
  # This machine's RID as the SDK names it (linux-x64, osx-arm64, win-x64, ...).
  host_rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)
  if grep -q -x -F "$host_rid" <<<"$native_rids"; then
    pack_native "$host_rid"
  else
    echo "note: no native package for this machine's platform ($host_rid); it installs the fallback Copilot.Tool.any" >&2
  fi
fi
ls artifacts/packages
