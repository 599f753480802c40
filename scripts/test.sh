#!/usr/bin/env bash
# Runs every test of Kim on a fresh clone: installs Azurite, builds, runs the test projects one
# after another (each starts its own in-memory Azurite on free ports), printing when each starts
# and what it passed, and ends with one line "N passed, N failed" summing all test projects.
# A build that fails or a project whose test host crashes counts as failed.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-azurite.sh || exit 1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
total_passed=0
total_failed=0
status=0

echo "== Building Kim.sln"
# Warnings are errors through Directory.Build.props (TreatWarningsAsErrors), NU1603 excepted as
# PLATFORM.md says; the command line's -warnaserror would turn that exception into an error too.
if ! dotnet build Kim.sln --nologo -v q; then
  echo "0 passed, 1 failed"
  exit 1
fi

# One project at a time: side by side they compete for the same cores and their Azurites.
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  started=$SECONDS
  echo "== $name: running"
  dotnet test "$project" --no-build --nologo 2>&1 | tee "$log"
  code=${PIPESTATUS[0]}

  # vstest ends with "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12 ..." (or "Failed!  - …").
  summary=$(grep -E '^\s*(Passed|Failed)!\s+-' "$log" | tail -n 1)
  passed=$(sed -nE 's/.*Passed:\s*([0-9]+).*/\1/p' <<<"$summary")
  failed=$(sed -nE 's/.*Failed:\s*([0-9]+),.*/\1/p' <<<"$summary")
  passed=${passed:-0}
  failed=${failed:-0}
  # A failure fails the run even when dotnet test exits 0 (it can, when stopped by a signal).
  if [ "$code" -ne 0 ] || [ -z "$summary" ] || [ "$failed" -gt 0 ]; then
    status=1
    if [ "$failed" -eq 0 ]; then
      failed=1 # the test host crashed or the project did not run: count it, never hide it
    fi
  fi
  echo "== $name: $passed passed, $failed failed in $((SECONDS - started)) s"
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
done

echo "$total_passed passed, $total_failed failed"
exit "$status"
