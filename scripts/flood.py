#!/usr/bin/env python3
"""Floods a distlogd the way one hostile remote client could, to measure its memory (docs/security.md).

  flood.py subscriptions [--endpoint tcp://127.0.0.1:5011] [--count 1000000] [--length 200] [--connections 1]
      SUB sockets that subscribe to COUNT distinct prefixes of LENGTH bytes in all, then leave.
  flood.py events [--endpoint tcp://127.0.0.1:5010] [--count 3000] [--bytes 2000000] [--connections 1]
      PUSH sockets that send COUNT CLEF events of BYTES bytes each, one event per message.
  flood.py oversize [--endpoint tcp://127.0.0.1:5010] [--count 10] [--bytes 100000000]
      PUSH messages of BYTES bytes, each on a connection of its own.
  flood.py stalled [--endpoint tcp://127.0.0.1:5011] [--seconds 60]
      A SUB socket that subscribes to everything and never reads.
  flood.py rss PID
      distlogd's resident memory now and at its peak (VmRSS, VmHWM), in MB.

Needs pyzmq (Debian: python3-zmq).
"""
import argparse
import json
import sys
import time

import zmq


def subscriptions(args):
    context = zmq.Context()
    sockets = [context.socket(zmq.SUB) for _ in range(args.connections)]
    for socket in sockets:
        socket.connect(args.endpoint)
    padding = "x" * max(0, args.length - 12)
    for i in range(args.count):
        sockets[i % len(sockets)].setsockopt(zmq.SUBSCRIBE, f"{i:012d}{padding}".encode())
    time.sleep(args.hold)
    for socket in sockets:
        socket.close(linger=0)
    context.term()


def events(args):
    context = zmq.Context()
    sockets = []
    for _ in range(args.connections):
        socket = context.socket(zmq.PUSH)
        socket.setsockopt(zmq.SNDHWM, 10)
        socket.setsockopt(zmq.LINGER, 60_000)
        socket.connect(args.endpoint)
        sockets.append(socket)
    filler = "x" * max(0, args.bytes - 120)
    for i in range(args.count):
        line = json.dumps({"@t": "2024-05-01T12:00:00.0000000Z", "@mt": "Big {N}", "N": i, "Application": "flood", "Filler": filler})
        sockets[i % len(sockets)].send_multipart([b"PLC", line.encode()])
    for socket in sockets:
        socket.close()
    context.term()


def oversize(args):
    payload = b"x" * args.bytes
    context = zmq.Context()
    for _ in range(args.count):
        socket = context.socket(zmq.PUSH)
        socket.setsockopt(zmq.LINGER, 2_000)
        socket.connect(args.endpoint)
        socket.send_multipart([b"PLC", payload])
        socket.close()
    context.term()


def stalled(args):
    context = zmq.Context()
    socket = context.socket(zmq.SUB)
    socket.setsockopt(zmq.RCVHWM, 1)
    socket.setsockopt(zmq.RCVBUF, 4096)
    socket.connect(args.endpoint)
    socket.setsockopt(zmq.SUBSCRIBE, b"")
    time.sleep(args.seconds)
    socket.close(linger=0)
    context.term()


def rss(args):
    fields = {}
    with open(f"/proc/{args.pid}/status") as status:
        for line in status:
            name, _, value = line.partition(":")
            fields[name] = value.strip()
    kb = lambda name: int(fields[name].split()[0]) // 1024
    print(f"VmRSS {kb('VmRSS')} MB, VmHWM {kb('VmHWM')} MB")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    s = commands.add_parser("subscriptions")
    s.add_argument("--endpoint", default="tcp://127.0.0.1:5011")
    s.add_argument("--count", type=int, default=1_000_000)
    s.add_argument("--length", type=int, default=200)
    s.add_argument("--connections", type=int, default=1)
    s.add_argument("--hold", type=float, default=5.0, help="seconds to stay connected after subscribing")
    e = commands.add_parser("events")
    e.add_argument("--endpoint", default="tcp://127.0.0.1:5010")
    e.add_argument("--count", type=int, default=3000)
    e.add_argument("--bytes", type=int, default=2_000_000)
    e.add_argument("--connections", type=int, default=1)
    o = commands.add_parser("oversize")
    o.add_argument("--endpoint", default="tcp://127.0.0.1:5010")
    o.add_argument("--count", type=int, default=10)
    o.add_argument("--bytes", type=int, default=100_000_000)
    t = commands.add_parser("stalled")
    t.add_argument("--endpoint", default="tcp://127.0.0.1:5011")
    t.add_argument("--seconds", type=float, default=60.0)
    r = commands.add_parser("rss")
    r.add_argument("pid", type=int)
    args = parser.parse_args()
    {"subscriptions": subscriptions, "events": events, "oversize": oversize, "stalled": stalled, "rss": rss}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
