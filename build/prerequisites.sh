#!/usr/bin/env bash
# Checks what the tests need besides the .NET SDK. It never installs into a system Python.
#
#   cfn-lint 1.x                        the `cfn-lint` on PATH (judges every emitted template)
#   moto 5.x with its server extras     importable by the `python3` on PATH (moto, flask, werkzeug) and `moto_server`
#   Node.js >= 20 and npm               the env-controller's tests
#   the AWS CLI (`aws`) and jq          the README's deploy recipe, run against moto
#   clang, lld and zlib (Linux)         the Native AOT build of the tool (build/pack.sh, the packed-tool tests)
#
# jq, the AWS CLI and the native toolchain are installed from Debian's packages (jq, awscli; clang, lld, zlib1g-dev)
# when they are missing and this runs as root with apt-get; otherwise it says what to install.
#
# When the cfn-lint/moto on PATH do not fit, it makes a virtual environment in .tools/venv (git-ignored) with the
# pinned versions of build/requirements-test.txt; build/test.sh puts .tools/venv/bin first on PATH when it is there.
# When neither works it says what is missing and the command that fixes it, and exits 1.
#
#   --fast   checks only what `./build/test.sh --fast` needs: dotnet, python3, node and npm
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

fast=false
for arg in "$@"; do
  case "$arg" in
    --fast) fast=true ;;
    *) echo "error: unknown argument '$arg' (use --fast or nothing)" >&2; exit 2 ;;
  esac
done

venv="$root/.tools/venv"
venv_ready="$venv/.copilot-job-ready"
requirements="build/requirements-test.txt"
venv_command="python3 -m venv .tools/venv && .tools/venv/bin/python -m pip install -r $requirements"
problems=0
found=()

problem() {
  echo "error: $1" >&2
  shift
  for line in "$@"; do echo "       $line" >&2; done
  problems=$((problems + 1))
}

# --- .NET and Python ------------------------------------------------------------------------------------------------
if command -v dotnet >/dev/null; then
  found+=("dotnet $(dotnet --version 2>/dev/null || echo '?')")
else
  problem "the .NET SDK is not on PATH" "install the .NET 10 SDK (the version in global.json): https://dotnet.microsoft.com/download"
fi

python_ok=false
if ! command -v python3 >/dev/null; then
  problem "python3 is not on PATH (test.sh counts results with it; cfn-lint and moto run on it)" \
    "install Python 3.10 or newer, for example: sudo apt-get install python3 python3-venv"
elif ! python3 -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)'; then
  problem "python3 is $(python3 --version 2>&1); cfn-lint 1.x and moto 5.x need Python 3.10 or newer" \
    "install Python 3.10 or newer and put it first on PATH"
else
  python_ok=true
fi

# --- cfn-lint and moto ----------------------------------------------------------------------------------------------
# Prints why the cfn-lint/moto on PATH do not fit (nothing when they do).
python_tools_misfit() {
  local cfn moto
  if ! cfn=$(cfn-lint --version 2>/dev/null); then
    echo "cfn-lint is not on PATH"
  elif [[ ! $cfn =~ ^cfn-lint\ 1\.[0-9]+ ]]; then
    echo "cfn-lint is '${cfn}', not 1.x"
  fi
  if ! moto=$(python3 -c 'import moto, moto.server, flask, werkzeug; print(moto.__version__)' 2>/dev/null); then
    echo "python3 ($(command -v python3)) cannot import moto with its server extras (moto, moto.server, flask, werkzeug)"
  elif [[ ! $moto =~ ^5\. ]]; then
    echo "moto is $moto, not 5.x"
  elif ! command -v moto_server >/dev/null; then
    echo "moto_server is not on PATH"
  fi
  return 0
}

python_tools_found() {
  found+=("$(cfn-lint --version 2>/dev/null)" "moto $(python3 -c 'import moto; print(moto.__version__)') ($(command -v python3))")
}

if ! $fast && $python_ok; then
  if [[ -f "$venv_ready" ]]; then
    export PATH="$venv/bin:$PATH"
  fi
  misfit=$(python_tools_misfit)
  if [[ -z "$misfit" ]]; then
    python_tools_found
  else
    echo "The cfn-lint/moto on PATH do not fit (cfn-lint 1.x and moto[server] 5.x are needed):" >&2
    echo "$misfit" | sed 's/^/  - /' >&2
    echo "Making a virtual environment in .tools/venv with the pinned versions of $requirements ..." >&2
    rm -rf "$venv"
    venv_log="$root/.tools/venv-install.log"
    mkdir -p "$root/.tools"
    if ! python3 -m venv "$venv" >"$venv_log" 2>&1; then
      rm -rf "$venv"
      problem "python3 cannot create a virtual environment ($(tail -n 1 "$venv_log"))" \
        "install the venv module (Debian/Ubuntu: sudo apt-get install python3-venv), then run ./build/test.sh again"
    elif ! "$venv/bin/python" -m pip install --disable-pip-version-check --timeout 20 --retries 1 \
        -r "$requirements" >>"$venv_log" 2>&1; then
      rm -rf "$venv"
      problem "cfn-lint 1.x and moto[server] 5.x are missing and could not be installed into .tools/venv: pip failed ($(grep -m1 -E 'ERROR|error' "$venv_log" || tail -n 1 "$venv_log"); full log: .tools/venv-install.log)" \
        "fix: with access to a Python package index (PyPI or a mirror: PIP_INDEX_URL), run" \
        "  $venv_command" \
        "then run ./build/test.sh again (it uses .tools/venv when it is there)."
    else
      touch "$venv_ready"
      export PATH="$venv/bin:$PATH"
      misfit=$(python_tools_misfit)
      if [[ -n "$misfit" ]]; then
        problem "the virtual environment in .tools/venv still does not fit: $misfit" "check $requirements, then: rm -rf .tools/venv && $venv_command"
      else
        echo "Installed into .tools/venv." >&2
        python_tools_found
      fi
    fi
  fi
fi

# --- Node.js --------------------------------------------------------------------------------------------------------
if ! command -v node >/dev/null; then
  problem "Node.js is not on PATH (the env-controller's tests need node 20 or newer)" \
    "install Node.js 20 or newer with npm: https://nodejs.org/en/download (Debian/Ubuntu: sudo apt-get install nodejs npm)"
else
  node_version=$(node --version)
  if [[ ! $node_version =~ ^v([0-9]+)\. ]] || (( BASH_REMATCH[1] < 20 )); then
    problem "node is $node_version; the env-controller's tests need node 20 or newer" "install Node.js 20 or newer: https://nodejs.org/en/download"
  else
    found+=("node $node_version")
  fi
fi
if ! command -v npm >/dev/null; then
  problem "npm is not on PATH (it installs the env-controller's test dependencies)" "install npm with Node.js (Debian/Ubuntu: sudo apt-get install npm)"
fi

# --- AWS CLI and jq -------------------------------------------------------------------------------------------------
# Installs Debian packages when this runs as root with apt-get (as on CI machines); says nothing and fails otherwise.
apt_install() {
  [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null || return 1
  echo "Installing $* from Debian's packages ..." >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"; } >/dev/null 2>&1
}

if ! $fast; then
  if ! command -v jq >/dev/null && ! apt_install jq; then
    problem "jq is not on PATH (the deploy recipe test runs the README's recipe, which reads the params file with jq)" \
      "install jq (Debian/Ubuntu: sudo apt-get install jq; macOS: brew install jq)"
  elif command -v jq >/dev/null; then
    found+=("$(jq --version)")
  fi
  if ! command -v aws >/dev/null; then
    apt_install awscli || true
  fi
  if aws_version=$(aws --version 2>&1) && [[ $aws_version == aws-cli/* ]]; then
    found+=("${aws_version%% *}")
  else
    problem "the AWS CLI (aws) is not on PATH (the deploy recipe test runs it against moto)" \
      "install AWS CLI v2: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html (or Debian/Ubuntu: sudo apt-get install awscli)"
  fi
fi

# --- Native AOT toolchain -------------------------------------------------------------------------------------------
# The native tool is linked by clang against zlib. Checked by compiling and linking a one-line C program with -lz.
native_toolchain_ok() {
  command -v clang >/dev/null || return 1
  local probe
  probe=$(mktemp -d)
  echo 'int main(void) { return 0; }' >"$probe/probe.c"
  clang "$probe/probe.c" -lz -o "$probe/probe" >/dev/null 2>&1
  local status=$?
  rm -rf "$probe"
  return $status
}

if ! $fast && [[ $(uname -s) == Linux ]]; then
  if ! native_toolchain_ok || ! command -v ld.lld >/dev/null; then
    apt_install clang lld zlib1g-dev || true
  fi
  if native_toolchain_ok; then
    found+=("$(clang --version | head -n 1) with zlib")
  else
    problem "the Native AOT build needs clang and the zlib development files (clang cannot link a program with -lz)" \
      "install them (Debian/Ubuntu: sudo apt-get update && sudo apt-get install clang lld zlib1g-dev;" \
      "Fedora: sudo dnf install clang lld zlib-devel; Alpine: apk add clang lld zlib-dev musl-dev)"
  fi
fi

if (( problems > 0 )); then
  echo "error: $problems prerequisite(s) missing; see above" >&2
  exit 1
fi
echo "Prerequisites: $(IFS=','; echo "${found[*]}" | sed 's/,/, /g')"
