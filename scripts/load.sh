#!/usr/bin/env bash
# The load harness (issue 5; not part of CI). Builds distlogd and test/Distlog.Load in Release, then runs the four
# scenarios (raw libzmq ceiling, distlogd against rsyslog, end to end, store plugins) several times each and writes
# the medians to artifacts/load/report.md (and stdout). Called by `./build.sh --target=Load`.
# Arguments go to the harness, e.g.  scripts/load.sh --runs 5 --events 500000 --scenarios 2,3
# (all options: dotnet test/Distlog.Load/bin/Release/net10.0/Distlog.Load.dll --help).
set -euo pipefail
cd "$(dirname "$0")/.."

# rsyslog with its ZeroMQ input is scenario 2's baseline. Only this harness needs it, so it is installed here and
# not by scripts/install-deps.sh (CI). Without it, scenario 2 reports distlogd alone.
if command -v dpkg-query >/dev/null; then
  missing=()
  for package in rsyslog rsyslog-czmq; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} through apt-get (scenario 2's baseline)"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } \
      || echo "warning: could not install ${missing[*]}; scenario 2 will measure distlogd alone" >&2
  fi
fi

# Builds and the measurement itself hold the machine's shared build lock (where flock exists), so that no other
# build runs in the middle of the figures. The default run takes about 5 minutes on 2 cores.
lock=/tmp/distlog-build.lock
# -o: the command does not inherit the lock descriptor, so a process left behind cannot keep holding the lock.
locked() { if command -v flock >/dev/null; then flock -o "$lock" "$@"; else "$@"; fi; }

locked dotnet build src/Distlog.Collector -c Release -nologo -v quiet
locked dotnet build test/Distlog.Load -c Release -nologo -v quiet
locked dotnet test/Distlog.Load/bin/Release/net10.0/Distlog.Load.dll run "$@"
