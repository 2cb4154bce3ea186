#!/usr/bin/env bash
# Runs every test suite and ends with one combined line: "N passed, N failed, N skipped".
#
#   ./build/test.sh          everything: unit, golden, cfn-lint, moto, process, packed tool, env-controller (node)
#   ./build/test.sh --fast   the fast tier: leaves out the NUnit categories Moto, CfnLint, Process, PackedTool and Slow
#                            and the env-controller's moto integration test
#
# Every suite runs even when an earlier one fails. The exit code is non-zero when a test failed or a suite could not
# run. Logs and TRX files are written to artifacts/test-results/ (printed at the end).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

fast=false
for arg in "$@"; do
  case "$arg" in
    --fast) fast=true ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown argument '$arg' (use --fast or nothing)" >&2; exit 2 ;;
  esac
done

configuration=${CONFIGURATION:-Release}
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

# The categories --fast leaves out (constants in test/Copilot.Testing/TestCategories.cs).
slow_categories=(Moto CfnLint Process PackedTool Slow)

prerequisites_args=()
if $fast; then prerequisites_args+=(--fast); fi
if ! ./build/prerequisites.sh "${prerequisites_args[@]}"; then
  echo "error: prerequisites are missing (see above); no test was run" >&2
  echo "0 passed, 0 failed, 0 skipped"
  exit 1
fi
# A virtual environment made by prerequisites.sh (cfn-lint, moto) comes first on PATH.
if [[ -x "$root/.tools/venv/bin/python" ]]; then
  export PATH="$root/.tools/venv/bin:$PATH"
fi

suite_names=()
suite_status=()   # ok | failed | could not run: <why>
suite_logs=()

record_suite() { suite_names+=("$1"); suite_status+=("$2"); suite_logs+=("$3"); }

# --- env-controller (node) ------------------------------------------------------------------------------------------
# It needs no build, so it runs beside the .NET build and suites.
node_log="$results/envcontroller.log"
node_args=()
if $fast; then node_args+=(--fast); fi
echo "▶ envcontroller (node --test)$($fast && echo ' (fast tier)') — log: artifacts/test-results/envcontroller.log"
ENVCONTROLLER_TEST_REPORTER=tap ./build/test-envcontroller.sh "${node_args[@]}" >"$node_log" 2>&1 &
node_pid=$!

# --- .NET ---------------------------------------------------------------------------------------------------------
dotnet_projects=(test/Copilot.Packaging.Tests test/Copilot.Tool.Tests)
build_log="$results/build.log"
echo "▶ build ($configuration) — log: ${build_log#"$root"/}"
if CONFIGURATION="$configuration" ./build/build.sh >"$build_log" 2>&1; then
  filter_args=()
  if $fast; then
    filter=""
    for category in "${slow_categories[@]}"; do
      filter+="${filter:+&}TestCategory!=$category"
    done
    filter_args=(--filter "$filter")
  fi
  # The two assemblies run at the same time (each runs its fixtures in parallel too); each has its own log and TRX.
  pids=()
  for project in "${dotnet_projects[@]}"; do
    name=$(basename "$project")
    echo "▶ $name$($fast && echo ' (fast tier)') — log: artifacts/test-results/$name.log"
    dotnet test "$project" -c "$configuration" --no-build --nologo "${filter_args[@]}" \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
      --results-directory "$results" >"$results/$name.log" 2>&1 &
    pids+=($!)
  done
  for i in "${!dotnet_projects[@]}"; do
    name=$(basename "${dotnet_projects[$i]}")
    if wait "${pids[$i]}"; then
      status=ok
    elif [[ -f "$results/$name.trx" ]]; then
      status=failed
    else
      status="could not run (no TRX written; see the log)"
    fi
    record_suite "$name" "$status" "artifacts/test-results/$name.log"
  done
else
  echo "✘ build failed — last lines of ${build_log#"$root"/}:" >&2
  tail -n 30 "$build_log" >&2
  for project in "${dotnet_projects[@]}"; do
    record_suite "$(basename "$project")" "could not run (build failed)" "artifacts/test-results/build.log"
  done
fi

# --- env-controller (node): started above, beside the .NET suites; collected here ----------------------------------
if wait "$node_pid"; then
  node_status=ok
elif grep -qE '^# (pass|fail) [0-9]+' "$node_log"; then
  node_status=failed
else
  node_status="could not run (see the log)"
fi
record_suite envcontroller "$node_status" "artifacts/test-results/envcontroller.log"

# --- counts ---------------------------------------------------------------------------------------------------------
# TRX: one UnitTestResult per test with outcome Passed, Failed (or Error/Timeout/Aborted) or NotExecuted (skipped).
# node --test (TAP reporter): "# pass N", "# fail N", "# skipped N", "# todo N", "# cancelled N".
python3 - "$results" "$node_log" "${suite_names[@]}" <<'PY' >"$results/counts.txt"
import os, re, sys
import xml.etree.ElementTree as ET

results, node_log, suites = sys.argv[1], sys.argv[2], sys.argv[3:]
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
reasons = {}
for suite in suites:
    passed = failed = skipped = 0
    failures = []
    if suite == "envcontroller":
        text = open(node_log, encoding="utf-8", errors="replace").read() if os.path.exists(node_log) else ""
        def count(name):
            found = re.findall(rf"^# {name} (\d+)$", text, re.M)
            return int(found[-1]) if found else 0
        passed, failed = count("pass"), count("fail") + count("cancelled")
        skipped = count("skipped") + count("todo")
        failures = [m.strip() for m in re.findall(r"^\s*not ok \d+ - (.*)$", text, re.M)]
    else:
        trx = os.path.join(results, suite + ".trx")
        if os.path.exists(trx):
            for result in ET.parse(trx).getroot().iterfind(".//t:Results/t:UnitTestResult", ns):
                outcome = result.get("outcome", "")
                if outcome == "Passed":
                    passed += 1
                elif outcome in ("NotExecuted", "Inconclusive", "Pending", "Disconnected", "Warning"):
                    skipped += 1
                    message = result.find(".//t:Message", ns)
                    reason = (message.text or "").strip() if message is not None else ""
                    reasons[reason or "(no reason given)"] = reasons.get(reason or "(no reason given)", 0) + 1
                else:
                    failed += 1
                    failures.append(result.get("testName", "?"))
    print(f"{suite}\t{passed}\t{failed}\t{skipped}\t" + "\x1f".join(failures))
with open(os.path.join(results, "skipped.txt"), "w", encoding="utf-8") as out:
    for reason, n in sorted(reasons.items(), key=lambda r: -r[1]):
        out.write(f"{n} skipped: {reason}\n")
PY

total_passed=0 total_failed=0 total_skipped=0 broken=false
echo
echo "Suites:"
for i in "${!suite_names[@]}"; do
  name=${suite_names[$i]} status=${suite_status[$i]} log=${suite_logs[$i]}
  IFS=$'\t' read -r _ passed failed skipped failures < <(awk -F'\t' -v n="$name" '$1 == n' "$results/counts.txt"; printf '%s\t0\t0\t0\t\n' "$name")
  total_passed=$((total_passed + passed)) total_failed=$((total_failed + failed)) total_skipped=$((total_skipped + skipped))
  case "$status" in
    ok) mark="✔" ;;
    failed) mark="✘"; broken=true ;;
    *) mark="✘"; broken=true ;;
  esac
  printf '  %s %-26s %4d passed, %d failed, %d skipped  %s\n' "$mark" "$name" "$passed" "$failed" "$skipped" \
    "$([[ $status == ok ]] && echo "" || echo "— $status — $log")"
  if [[ -n "$failures" ]]; then
    echo "$failures" | tr '\037' '\n' | head -n 20 | sed 's/^/      failed: /'
  fi
  if [[ $status == failed && $failed -eq 0 ]]; then
    echo "      the runner failed without a failing test (crash or abort?): see $log"
  fi
done
echo "TRX and logs: artifacts/test-results/"
if [[ -s "$results/skipped.txt" ]]; then
  sed 's/^/  /' "$results/skipped.txt"
fi
echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
if $broken || [[ $total_failed -gt 0 ]]; then
  exit 1
fi
