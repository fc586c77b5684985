#!/usr/bin/env bash
# Installs, through apt, the native packages the tests and the demo need, when they are missing:
# libzmq5 (the ZeroMQ engine), redis-server (the redis plugin's tests), python3-zmq (a foreign ZeroMQ peer).
set -euo pipefail
wanted=(libzmq5 redis-server python3-zmq)
missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing ${missing[*]} through apt-get"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
