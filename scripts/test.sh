#!/usr/bin/env bash
# Runs every test of Kim on a fresh clone: installs Azurite, builds, runs all test projects
# (each starts its own in-memory Azurite on free ports) and ends with one line
# "N passed, N failed" summing all test projects.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-azurite.sh || exit 1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet build Kim.sln -warnaserror --nologo -v q || exit 1
dotnet test Kim.sln --no-build --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# vstest prints one line per test project: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12 ..."
passed=$(grep -E '^\s*(Passed|Failed)!\s+-' "$log" | sed -E 's/.*Passed:\s*([0-9]+).*/\1/' | awk '{s+=$1} END {print s+0}')
failed=$(grep -E '^\s*(Passed|Failed)!\s+-' "$log" | sed -E 's/.*Failed:\s*([0-9]+),.*/\1/' | awk '{s+=$1} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # a test host crashed or a project did not run: count it, never hide it
fi
echo "$passed passed, $failed failed"
exit "$status"
