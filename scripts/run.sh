#!/usr/bin/env bash
# Runs Kim locally: installs and starts Azurite (in memory, telemetry off), starts Kim standalone
# in Development on http://127.0.0.1:7071 (the app seeds the demo data on start), prints where to
# look, and stops everything on Ctrl+C (or SIGINT/SIGTERM/SIGHUP to this script), however it was
# started.
#
# Settings can be overridden from the environment, e.g. Kim__Timing__FirstContactDue=PT30S or
# Kim__Reminders__Schedule="*/10 * * * * *" (see README.md).
set -euo pipefail

# A command started with '&' by a script (no job control) inherits SIGINT and SIGQUIT ignored, bash
# cannot trap a signal ignored on entry, and dotnet keeps it ignored: Ctrl+C would stop nothing.
# This script therefore starts again, and starts Kim, with both signals at their defaults.
if env --default-signal=INT true 2>/dev/null; then
  default_signals=(env --default-signal=INT,QUIT)
else
  default_signals=(perl -e '$SIG{INT} = $SIG{QUIT} = "DEFAULT"; exec { $ARGV[0] } @ARGV or die "$ARGV[0]: $!\n"' --)
fi
if [ -z "${KIM_RUN_SIGNALS_RESET:-}" ]; then
  export KIM_RUN_SIGNALS_RESET=1
  exec "${default_signals[@]}" bash "$0" "$@"
fi

cd "$(dirname "$0")/.."
root=$(pwd)

bash scripts/ensure-azurite.sh

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:7071}"
export AzureWebJobsStorage="${AzureWebJobsStorage:-UseDevelopmentStorage=true}"
url="${ASPNETCORE_URLS%%;*}"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in 10000 10001 10002; do
  if port_open "$port"; then
    echo "Port $port is in use: another Azurite is running? Stop it first." >&2
    exit 1
  fi
done

echo "Building Kim…"
dotnet build src/Kim.Standalone/Kim.Standalone.csproj --nologo -v q

work=$(mktemp -d)
azurite_pid=""
kim_pid=""
cleanup() {
  # A second Ctrl+C while Kim stops must not end this script: Azurite would go before Kim is done.
  trap - EXIT
  trap '' INT TERM HUP
  # '|| true': a Kim or Azurite that exits with an error must not end the cleanup under 'set -e'.
  [ -n "$kim_pid" ] && kill "$kim_pid" 2>/dev/null && wait "$kim_pid" 2>/dev/null || true
  exec 3>&- 2>/dev/null || true # closes Azurite's standard input: it exits
  [ -n "$azurite_pid" ] && kill "$azurite_pid" 2>/dev/null && wait "$azurite_pid" 2>/dev/null || true
  rm -rf "$work"
  echo "Kim and Azurite stopped."
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# Azurite reads its standard input from a pipe that only this script holds open: if the script
# dies, the pipe closes and Azurite exits with it. It runs in a process group of its own, so that a
# terminal's Ctrl+C (SIGINT to the whole foreground group) reaches Kim and this script but not
# Azurite: Kim hands its task hub back to a live storage, then cleanup stops Azurite.
if command -v setsid >/dev/null 2>&1; then
  own_group=(setsid)
else
  own_group=(perl -e 'setpgrp(0, 0); exec { $ARGV[0] } @ARGV or die "$ARGV[0]: $!\n"' --)
fi
mkfifo "$work/azurite.stdin"
KIM_AZURITE_EXIT_WITH_STDIN=1 "${own_group[@]}" node scripts/azurite.js --silent --disableTelemetry --inMemoryPersistence \
  --blobHost 127.0.0.1 --blobPort 10000 --queueHost 127.0.0.1 --queuePort 10001 \
  --tableHost 127.0.0.1 --tablePort 10002 < "$work/azurite.stdin" &
azurite_pid=$!
exec 3>"$work/azurite.stdin"

for _ in $(seq 1 100); do
  port_open 10000 && port_open 10001 && port_open 10002 && break
  sleep 0.2
done
port_open 10002 || { echo "Azurite did not start." >&2; exit 1; }

# The build output is the content root, so that the app reads its appsettings.json (log levels).
bin="$root/src/Kim.Standalone/bin/Debug/net10.0"
"${default_signals[@]}" dotnet "$bin/Kim.Standalone.dll" --contentRoot "$bin" 3>&- &
kim_pid=$!

for _ in $(seq 1 150); do
  curl -fsS "$url/api/health" >/dev/null 2>&1 && break
  kill -0 "$kim_pid" 2>/dev/null || { echo "Kim exited during start-up." >&2; exit 1; }
  sleep 0.2
done

cat <<MSG

Kim is running (Development) on $url
  API reference:   $url/api/docs
  Health:          $url/api/health
  OpenAPI:         $url/openapi/v1.json
  Dev mailbox:     $url/api/dev/mailbox
  Storage:         Azurite, in memory (blob 10000, queue 10001, table 10002)

Demo sign-in (Development only): header X-Kim-User: <staff id>
  case managers:   cm-luedenscheid, cm-iserlohn, cm-menden
  coordinator:     coord-mk
  administrator:   admin-mk
  data protection: dpo-mk
Partners: header X-Api-Key: <key>
  jobcenter-mk           dev-key-jobcenter-mk
  caritas-luedenscheid   dev-key-caritas-luedenscheid

Press Ctrl+C to stop Kim and Azurite.
MSG

wait "$kim_pid"
