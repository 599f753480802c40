#!/usr/bin/env bash
# Runs the benchmark runner (bench/Kim.Bench) in Release on its own in-memory Azurite and prints
# figures with ratios against baselines measured in the same run (docs/performance.md).
# Arguments are passed on: --only storage,records,operations,idle,timers (default all),
# --count N (client figures, default 300; a bare number means the same), --ops N (app figures,
# default 50), --cases N (idle figure, default 10000), --timers N (lateness, default 500),
# --window S (seconds per idle figure, default 60). A quick run:
#   bash scripts/bench.sh --count 50 --ops 5 --cases 100 --timers 30 --window 20
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-azurite.sh
dotnet run -c Release --project bench/Kim.Bench -- "$@"
