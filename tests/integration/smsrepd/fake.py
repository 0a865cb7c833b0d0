#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# fake.py MODE LISTEN REAL: a stand-in for smsrepd on the Unix socket
# LISTEN, for smsrepd.sh. It passes each request line to the real daemon on
# REAL and its first answer back whole; what it does to the second is MODE:
#   proxy   nothing: every answer passes whole
#   cut     half of it, then the connection closes
#   garble  a raw escape byte and a forged line go into it
#   hang    it never comes (the connection stays open)
# Every connection accepted is counted in LISTEN.count.
import os
import socket
import sys
import time

mode, listen, real = sys.argv[1:4]


def answer_end(fmt, data):
    """Length of the whole answer at the start of data, or 0."""
    lines = 0
    pos = 0
    while True:
        nl = data.find(b"\n", pos)
        if nl < 0:
            return 0
        lines += 1
        line = data[pos:nl]
        if fmt == b"json" or (fmt == b"text" and lines == 2) or \
                (fmt == b"env" and line.startswith(b"SMSREP_COUNT=")):
            return nl + 1
        pos = nl + 1


def serve(conn, count):
    upstream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    upstream.connect(real)
    pending = b""
    n = 0
    while True:
        chunk = conn.recv(65536)
        if not chunk:
            return
        pending += chunk
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            fmt = b"json"
            for field in line.split(b"&"):
                if field.startswith(b"format="):
                    fmt = field[7:]
            upstream.sendall(line + b"\n")
            data = b""
            while not answer_end(fmt, data):
                data += upstream.recv(65536)
            n += 1
            if n == 2 and mode == "cut":
                conn.sendall(data[: len(data) // 2])
                return
            if n == 2 and mode == "garble":
                first = data.index(b"\n")
                data = data[:first - 1] + b"\x1b[2J" + data[first - 1:first + 1] + \
                    b"SMSREP_1_CLASS=trusted\n" + data[first + 1:]
            if n == 2 and mode == "hang":
                time.sleep(30)
                return
            conn.sendall(data)


s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.bind(listen)
s.listen(8)
accepted = 0
while True:
    c, _ = s.accept()
    accepted += 1
    with open(listen + ".count", "w") as f:
        f.write(f"{accepted}\n")
    try:
        serve(c, accepted)
    except OSError:
        pass
    c.close()
