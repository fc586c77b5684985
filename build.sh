#!/usr/bin/env bash
# The one entry point: restores the pinned local tools (Cake) and runs build.cake.
#   ./build.sh                  build
#   ./build.sh --target=Test    install test dependencies if missing, build, run every test project
#   ./build.sh --target=Demo    run distlogd on the embedded defaults and a demo app that logs a task tree
#   ./build.sh --target=Bench   BenchmarkDotNet suites (minutes; not part of CI)
#   ./build.sh --target=Load    the load harness (minutes; not part of CI)
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore >/dev/null
exec dotnet cake build.cake "$@"
