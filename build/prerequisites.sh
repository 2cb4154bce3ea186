#!/usr/bin/env bash
# Checks (and where possible installs) what the build and tests need besides the .NET SDK:
# cfn-lint and moto (Python), Node.js for the env-controller handler.
set -euo pipefail

need_python_module() {
  local module=$1 package=$2
  if ! python3 -c "import ${module}" >/dev/null 2>&1; then
    echo "Installing ${package} (needed by the tests)..." >&2
    python3 -m pip install --quiet "${package}" || {
      echo "error: ${package} is not installed and could not be installed: run: pip install '${package}'" >&2
      exit 1
    }
  fi
}

command -v dotnet >/dev/null || { echo "error: the .NET SDK is not on PATH: install .NET 10 (see global.json)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "error: python3 is needed for cfn-lint and moto: install Python 3.10 or newer" >&2; exit 1; }
need_python_module cfnlint cfn-lint
need_python_module moto "moto[server]"
command -v cfn-lint >/dev/null || { echo "error: cfn-lint is installed but not on PATH" >&2; exit 1; }
command -v moto_server >/dev/null || { echo "error: moto is installed but moto_server is not on PATH: pip install 'moto[server]'" >&2; exit 1; }
command -v node >/dev/null || { echo "error: Node.js 20 or newer is needed for the env-controller tests: install nodejs" >&2; exit 1; }
