#!/usr/bin/env bash
# The README's "run it": distlogd on its embedded defaults (ingest :5010, SQLite logs/distlog.db,
# publish :5011) and the demo app, which logs a nested task tree from two processes.
# Called by `./build.sh --target=Demo` after the build.
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=${1:-Release}
bin() { echo "$1/bin/$configuration/net10.0/$2"; }
distlogd=$(bin src/Distlog.Collector distlogd.dll)
distlog=$(bin src/Distlog.Cli distlog.dll)
demo=$(bin samples/Distlog.Demo Distlog.Demo.dll)

mkdir -p logs
dotnet "$distlogd" > logs/distlogd.out 2>&1 &
collector=$!
trap 'kill -TERM $collector 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do
  (exec 3<>/dev/tcp/127.0.0.1/5010) 2>/dev/null && break
  kill -0 $collector 2>/dev/null || { cat logs/distlogd.out; echo "distlogd did not start"; exit 1; }
  sleep 0.1
done

echo "== The demo app logs (its console sink):"
dotnet "$demo"
sleep 1

echo
echo "== The same events, as the collector stored them (distlog tree --db logs/distlog.db):"
dotnet "$distlog" tree --db logs/distlog.db || true

kill -TERM $collector
wait $collector || true
trap - EXIT
echo
echo "== distlogd's own log: logs/distlogd.out"
tail -n 3 logs/distlogd.out || true
cat <<'TEXT'

Where to look:
  logs/distlog.db                                   the SQLite store; read it with
  dotnet src/Distlog.Cli/bin/Release/net10.0/distlog.dll query --db logs/distlog.db --format text
  dotnet src/Distlog.Collector/bin/Release/net10.0/distlogd.dll    run the collector yourself, then in another terminal:
  dotnet src/Distlog.Cli/bin/Release/net10.0/distlog.dll tail      follow the publish stream (tcp://localhost:5011)
TEXT
