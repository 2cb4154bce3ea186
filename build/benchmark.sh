#!/usr/bin/env bash
# End-to-end timing (not a timed test): prints wall-clock medians in milliseconds and their ratios to a .NET
# "hello world" (JIT) start, over RUNS rounds (default 15) after one warm-up, every command once per round, for
#   - the native tool (Native AOT publish for linux-x64; NATIVE_PUBLISH_ARGS adds publish arguments) packaging the
#     example offline,
#   - the framework-dependent tool (the fallback package Copilot.Tool.any, from build/pack.sh --no-native) offline,
#   - AWS mode: records and stacks from moto behind a proxy that adds LATENCY_MS (default 50) to every request,
#     with the number of sequential round trips (waves) the run made,
#   - a generated workspace of 20 jobs x 3 environments packaged in one call (--all --output-dir) versus one packaging,
# then the issue 10 targets. Uses hyperfine when it is installed (Debian package "hyperfine"), else its own loop.
# Needs what the tests need (dotnet, python3 with moto 5.2.1, jq); nothing is installed outside a temporary directory.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs=${RUNS:-15}
latency=${LATENCY_MS:-50}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$work/cli-home"

echo "machine: $(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); dotnet $(dotnet --version)"

# --- the programs -----------------------------------------------------------------------------------------------
mkdir -p "$work/hello"
cat > "$work/hello/hello.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
</Project>
XML
echo 'System.Console.WriteLine("hello");' > "$work/hello/Program.cs"
dotnet build "$work/hello" -c Release -o "$work/hello/bin" --nologo -v q >/dev/null
hello="$work/hello/bin/hello"

# The framework-dependent fallback package, Copilot.Tool.any, installed by name (Copilot.Tool itself would pick this
# machine's native package); the native tool is published below instead of packed.
"$root/build/pack.sh" --no-native >/dev/null
version=$("$root/build/package-version.sh" Copilot.Tool)
# A throw-away NuGet cache and CLI home: an older build of the same version must never be the one measured.
NUGET_PACKAGES="$work/nuget" DOTNET_CLI_HOME="$work/cli-home" \
  dotnet tool install Copilot.Tool.any --version "$version" --tool-path "$work/tools" --add-source "$root/artifacts/packages" >/dev/null
fallback="$work/tools/dotnet-copilot-job"

native=""
# NATIVE_PUBLISH_ARGS adds arguments to the publish (for example -p:TreatWarningsAsErrors=false to try a tree whose
# trim/AOT warnings are not fixed yet; such a build is not the shipped one).
# shellcheck disable=SC2086
if dotnet publish "$root/src/Copilot.Tool" -c Release -r linux-x64 -p:PublishAot=true -o "$work/native" ${NATIVE_PUBLISH_ARGS:-} >"$work/native.log" 2>&1; then
  native="$work/native/dotnet-copilot-job"
else
  echo "native: the Native AOT publish failed; it is left out (last lines of its log):"
  grep -E 'error|Error' "$work/native.log" | sort -u | tail -5 | sed 's/^/  /'
fi

# --- the workspaces ---------------------------------------------------------------------------------------------
cp -r "$root/examples/report-generator" "$work/example"
cp -r "$root/examples/report-generator" "$work/batch"
for i in $(seq -w 2 20); do
  mkdir -p "$work/batch/copilot/job-$i"
  sed "s/^name: report-generator/name: job-$i/" "$work/batch/copilot/report-generator/manifest.yml" > "$work/batch/copilot/job-$i/manifest.yml"
done
cat >> "$work/batch/copilot/.records.yml" <<'YAML'
  staging:
    region: us-west-2
    accountID: "123456789123"
    managerRoleARN: arn:aws:iam::123456789123:role/my-app-staging-EnvManagerRole
    executionRoleARN: arn:aws:iam::123456789123:role/my-app-staging-CFNExecutionRole
    version: v1.42.0
    serviceDiscoveryEndpoint: staging.my-app.local
    features: [ALBWorkloads, EFSWorkloads, NATWorkloads, InternalALBWorkloads, Aliases, AppRunnerPrivateWorkloads]
YAML
cp -r "$root/examples/report-generator" "$work/aws"
rm "$work/aws/copilot/.records.yml"

# --- moto behind the latency proxy ------------------------------------------------------------------------------
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
moto_port=$(free_port)
python3 "$root/test/moto/moto_harness.py" -H 127.0.0.1 -p "$moto_port" >"$work/moto.log" 2>&1 &
pids+=($!)
proxy_port=$(free_port)
python3 "$root/build/benchmark_aws.py" proxy "http://127.0.0.1:$moto_port" "$proxy_port" "$latency" "$work/exchanges.log" >"$work/proxy.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$moto_port/moto-api/" && break; sleep 0.2; done
python3 "$root/build/benchmark_aws.py" seed "http://127.0.0.1:$moto_port"
aws_env=(env -u AWS_PROFILE AWS_ENDPOINT_URL="http://127.0.0.1:$proxy_port" AWS_REGION=us-west-2 AWS_ACCESS_KEY_ID=testing
  AWS_SECRET_ACCESS_KEY=testing AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null)

# --- measuring --------------------------------------------------------------------------------------------------
# The commands run in rounds, each round running every command once in the same order, so that a machine whose speed
# drifts during the run (a shared or virtual one) slows all of them alike and the ratios stay comparable; each command
# runs once first as a warm-up and a check that it succeeds. A run is timed by hyperfine (one run per call) when it is
# installed, else by this script's clock.
declare -A median label dir cmdline samples
keys=()
add() { # key, label, directory, command...
  local key=$1
  keys+=("$key")
  label[$key]=$2
  dir[$key]=$3
  shift 3
  cmdline[$key]=$(printf '%q ' "$@")
}
time_once() { # key: prints one run's wall time in milliseconds
  local key=$1
  if command -v hyperfine >/dev/null; then
    (cd "${dir[$key]}" && hyperfine --style none --runs 1 --export-json "$work/run.json" -N "${cmdline[$key]}" >/dev/null 2>&1) \
      || (cd "${dir[$key]}" && hyperfine --style none --runs 1 --export-json "$work/run.json" "${cmdline[$key]}" >/dev/null 2>&1)
    jq '.results[0].times[0] * 1000' "$work/run.json"
  else
    local start end
    start=$(date +%s%N); (cd "${dir[$key]}" && eval "${cmdline[$key]}" >/dev/null 2>&1); end=$(date +%s%N)
    awk -v ns=$((end - start)) 'BEGIN { print ns / 1000000 }'
  fi
}
measure_all() {
  local key round
  for key in "${keys[@]}"; do
    (cd "${dir[$key]}" && eval "${cmdline[$key]}" >/dev/null 2>&1) \
      || { echo "${label[$key]}: the command failed:"; (cd "${dir[$key]}" && eval "${cmdline[$key]}" 2>&1 >/dev/null | tail -5); exit 1; }
  done
  for ((round = 0; round < runs; round++)); do
    for key in "${keys[@]}"; do
      samples[$key]+="$(time_once "$key") "
    done
  done
  for key in "${keys[@]}"; do
    median[$key]=$(printf '%s\n' ${samples[$key]} | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }')
  done
}
report() { # key
  printf '%-58s median %8.1f ms   %5.2fx hello world\n' "${label[$1]}" "${median[$1]}" "$(awk -v a="${median[$1]}" -v b="${median[hello]}" 'BEGIN { print a / b }')"
}
ratio() { awk -v a="${median[$1]}" -v b="${median[$2]}" 'BEGIN { print a / b }'; }

one=(package -n report-generator -e test)
tool=${native:-$fallback}
kind=$([[ -n "$native" ]] && echo native || echo framework-dependent)
add hello "dotnet hello world (JIT)" "$work/example" "$hello"
[[ -n "$native" ]] && add native "native tool: package (offline)" "$work/example" "$native" "${one[@]}"
add fallback "framework-dependent tool: package (offline)" "$work/example" "$fallback" "${one[@]}"
add aws "$kind tool: package from AWS (+${latency} ms/request)" "$work/aws" "${aws_env[@]}" "$tool" "${one[@]}"
for candidate in native fallback; do
  binary=$([[ $candidate == native ]] && echo "$native" || echo "$fallback")
  [[ -n "$binary" ]] || continue
  add "one-$candidate" "$candidate tool: one job x one env --output-dir" "$work/batch" "$binary" "${one[@]}" --output-dir out-one
  add "batch-$candidate" "$candidate tool: 20 jobs x 3 envs --all --output-dir" "$work/batch" "$binary" package --all --output-dir out-all
done

echo "measuring (median of $runs rounds after one warm-up, the commands interleaved; $(command -v hyperfine >/dev/null && echo hyperfine || echo own clock)):"
measure_all
for key in hello native fallback aws; do
  [[ -n "${median[$key]:-}" ]] && report "$key"
done
: > "$work/exchanges.log"
(cd "$work/aws" && "${aws_env[@]}" "$tool" "${one[@]}" >/dev/null 2>&1)
read -r waves calls < <(python3 "$root/build/benchmark_aws.py" waves "$work/exchanges.log")
: > "$work/exchanges.log"
(cd "$work/aws" && "${aws_env[@]}" "$tool" "${one[@]}" --diff >/dev/null 2>&1) || true
read -r diff_waves diff_calls < <(python3 "$root/build/benchmark_aws.py" waves "$work/exchanges.log")
echo "  AWS reads: package $calls calls in $waves waves; --diff $diff_calls calls in $diff_waves waves"
for key in one-native batch-native one-fallback batch-fallback; do
  [[ -n "${median[$key]:-}" ]] && report "$key"
done
echo "  batch output: $(find "$work/batch/out-all" -name '*.stack.yml' | wc -l) templates"

# --- the targets (issue 10) -------------------------------------------------------------------------------------
verdict() { awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b ? "met" : "MISSED") }'; }
echo "targets:"
if [[ -n "$native" ]]; then
  r=$(ratio native hello); printf '  native <= 0.7x hello world:   %5.2fx  %s\n' "$r" "$(verdict "$r" 0.7)"
else
  echo "  native <= 0.7x hello world:   not measured (no native build)"
fi
r=$(ratio fallback hello); printf '  fallback <= 3x hello world:   %5.2fx  %s\n' "$r" "$(verdict "$r" 3)"
printf '  AWS mode <= 3 waves:          %5d   %s\n' "$waves" "$(verdict "$waves" 3)"
batch_key=$([[ -n "$native" ]] && echo native || echo fallback)
r=$(ratio "batch-$batch_key" "one-$batch_key"); printf '  batch 20x3 <= 3x one (%s): %5.2fx  %s\n' "$batch_key" "$r" "$(verdict "$r" 3)"
