#!/usr/bin/env bash
# Installs jongodb, a MongoDB-wire-compatible server (in memory, one binary), into .tools/jongodb through npm when it
# is missing: the mongodb plugin's tests start it (test/Distlog.Collector.Tests/Support/JongodbServer.cs).
# CI tests the plugin against this server, not against MongoDB itself.
set -euo pipefail
cd "$(dirname "$0")/.."
package="@jongodb/memory-server-bin-linux-x64-gnu"
version="0.1.6"
folder=".tools/jongodb"
binary="$folder/node_modules/$package/bin/jongodb"
[ -x "$binary" ] && exit 0

if ! command -v npm >/dev/null; then
  echo "Installing npm through apt-get (to install jongodb)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends npm >/dev/null
fi
echo "Installing $package@$version into $folder through npm"
mkdir -p "$folder"
npm install --prefix "$folder" --no-audit --no-fund --no-save "$package@$version" >/dev/null
test -x "$binary"
