#!/usr/bin/env bash
# Runs the crash-restart test alone: Kim.Standalone is SIGKILLed at random moments during a
# workload of cases, follow-ups, referrals and handovers, restarted on the same storage each time,
# and the mails, timelines and orchestration instances are checked afterwards (docs/orchestrations.md).
# KIM_CRASH_SEED=<n> replays a run's plan. scripts/test.sh runs it with the rest of the suite.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-azurite.sh || exit 1
dotnet build tests/Kim.Api.Tests --nologo -v q || exit 1
dotnet test tests/Kim.Api.Tests --no-build --nologo --filter "Category=CrashRestart" --logger "console;verbosity=normal"
