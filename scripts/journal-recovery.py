#!/usr/bin/python3
# Journal recovery time after kill -9 with a backlog (docs/performance.md). Usage: journal-recovery.py [BYTES]
# Needs a Release build and pyzmq (Debian python3-zmq).
import os, pathlib, shutil, signal, subprocess, sys, time
import zmq
root = pathlib.Path(__file__).resolve().parent.parent
folder = str(root / "logs" / "journal-recovery")
shutil.rmtree(folder, ignore_errors=True); os.makedirs(folder)
dll = str(root / "src/Distlog.Collector/bin/Release/net10.0/distlogd.dll")
open(f"{folder}/distlogd.yaml", "w").write("""ingest:
  endpoints: ["tcp://127.0.0.1:7010"]
stats:
  interval: 5s
plugins:
  - sink: file
    args: { path: logs/events.clef, rollingInterval: Infinite }
  - sink: redis
    args: { server: "127.0.0.1:1", key: distlog }
""")
def start():
    return subprocess.Popen(["dotnet", dll, "--config", "distlogd.yaml"], cwd=folder, stderr=subprocess.PIPE, text=True)
def wait_for(p, text, timeout=120):
    t0 = time.time(); lines = []
    while time.time() - t0 < timeout:
        line = p.stderr.readline()
        if not line: break
        lines.append(line)
        if text in line: return time.time() - t0, lines
    raise SystemExit("timeout waiting for " + text + "".join(lines[-20:]))
p = start(); wait_for(p, "is listening")
ctx = zmq.Context(); push = ctx.socket(zmq.PUSH); push.setsockopt(zmq.SNDHWM, 1000); push.connect("tcp://127.0.0.1:7010")
line = '{"@t":"2026-12-05T12:00:00.0000000Z","@mt":"Stored row {Row} for {Customer} in {Elapsed} ms","Row":%d,"Customer":"c-42","Elapsed":12.5,"Application":"orders","TaskKey":"%d@4bf92f3577b34da6a3ce929d0e0e4736/1"}'
n = 0; sent = 0; target = int(sys.argv[1]) if len(sys.argv) > 1 else 1 << 30
while sent < target:
    batch = "\n".join(line % (n + i, n + i) for i in range(1000)).encode()
    n += 1000; sent += len(batch)
    push.send_multipart([b"PLC", batch])
print("sent", n, "events,", sent >> 20, "MiB", flush=True)
time.sleep(3)
journal = f"{folder}/logs/journal"
def size(): return sum(os.path.getsize(os.path.join(journal, f)) for f in os.listdir(journal) if f.endswith(".journal"))
for _ in range(120):
    before = size(); time.sleep(1)
    if size() == before: break
print("journal", size() >> 20, "MiB in", len([f for f in os.listdir(journal) if f.endswith('.journal')]), "segments", flush=True)
os.kill(p.pid, signal.SIGKILL); p.wait()
t0 = time.time(); p = start()
elapsed, lines = wait_for(p, "is listening")
print("restart to listening: %.2f s" % (time.time() - t0))
print("".join(l for l in lines if "Journal" in l or "resumes" in l))
os.kill(p.pid, signal.SIGKILL)
