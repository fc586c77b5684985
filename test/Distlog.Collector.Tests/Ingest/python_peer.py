"""A Python service logging like the original distlog: a logging.Handler that sends each LogRecord as JSON
with topic PLJ over a ZeroMQ PUSH socket, the record carrying distlog's `context` (key plus bound values).
Usage: python3 python_peer.py ENDPOINT ROOT"""
import json
import logging
import socket
import sys

import zmq

endpoint, root = sys.argv[1], sys.argv[2]
context = zmq.Context()
push = context.socket(zmq.PUSH)
push.setsockopt(zmq.LINGER, 5000)
push.connect(endpoint)


class ZmqJsonHandler(logging.Handler):
    def emit(self, record):
        record.message = record.getMessage()
        record.hostname = socket.gethostname()
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        fields = dict(record.__dict__, exc_info=None, args=None)
        push.send_multipart([b"PLJ", json.dumps(fields, default=str).encode("utf-8")])


logger = logging.getLogger("peer")
logger.setLevel(logging.DEBUG)
logger.addHandler(ZmqJsonHandler())


def scope(key, **values):
    return {"context": dict(key=key, **values)}


logger.info("toplevel %s", "job", extra=scope(f"0@{root}", user="leo"))
logger.warning("into subtask", extra=scope(f"0@{root}/1", arg=42))
try:
    1 / 0
except ZeroDivisionError:
    logger.exception("subtask failed", extra=scope(f"1@{root}/1", arg=42))
logger.debug("details {not a template}", extra=scope(f"2@{root}/1"))
logger.info("all done", extra={"context": None})

push.close()
context.term()
