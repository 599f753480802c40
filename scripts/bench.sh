#!/usr/bin/env bash
# Runs the benchmark runner (bench/Kim.Bench) in Release on its own in-memory Azurite and prints
# figures with ratios against baselines measured in the same run. Optional argument: operations
# per figure (default 300).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-azurite.sh
dotnet run -c Release --project bench/Kim.Bench -- "$@"
