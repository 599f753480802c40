#!/usr/bin/env bash
# Publishes Kim for the Azure Functions host: Kim.Functions, the .NET isolated worker, to a folder
# (host.json, functions.metadata, worker.config.json, the host's extensions in .azurefunctions/,
# Kim.Functions.dll and its dependencies) and the same content as a zip for zip deploy
# (README.md, "Deploy to Azure"). Usage: scripts/publish.sh [folder]  → folder and folder.zip
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts/publish}"
rm -rf "$out" "$out.zip"
dotnet publish src/Kim.Functions/Kim.Functions.csproj -c Release -o "$out" --nologo -v q

# What the host needs to index and start the worker; a publish without it would deploy an empty app.
for file in host.json functions.metadata worker.config.json Kim.Functions.dll; do
  if [ ! -f "$out/$file" ]; then
    echo "publish.sh: $file is missing in $out" >&2
    exit 1
  fi
done

# The zip holds the folder's content at its root (hidden .azurefunctions/ included), as zip deploy expects.
zip_path="$(cd "$(dirname "$out")" && pwd)/$(basename "$out").zip"
(cd "$out" && zip -qr "$zip_path" .)
echo "Published to $out and $zip_path"
