#!/usr/bin/env bash
# Builds the folder the Azure Functions host runs: host.json, one folder per function (from
# functions/) and the self-contained Kim.Standalone executable that host.json names as the custom
# handler. Zip-deploy the result (see infra/main.bicep).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts/publish}"
rm -rf "$out"
dotnet publish src/Kim.Standalone/Kim.Standalone.csproj -c Release -r linux-x64 --self-contained -o "$out" --nologo -v q
cp host.json "$out/"
cp -r functions/* "$out/"
echo "Published to $out"
