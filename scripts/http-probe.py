#!/usr/bin/env python3
"""Small HTTP helpers for scripts/run.sh and scripts/bench-http.sh (standard library only).

  http-probe.py first-answer PORT TIMEOUT_S -- CMD...
      launches CMD, polls 127.0.0.1:PORT every 2 ms with GET /plaintext until a complete
      "Hello, World!" answer arrives, prints the milliseconds from launch to that answer, then stops
      CMD (SIGTERM, SIGKILL after 5 s). Exit 1 if no answer within TIMEOUT_S or CMD exited.
  http-probe.py train PORT REQUESTS TIMEOUT_S [PID]
      waits until a server on PORT answers (gives up when process PID ended), then sends REQUESTS keep-alive requests (a quarter of
      them 16-deep pipelined) on 4 connections, plus one HEAD and one 404: the training load of an
      AOT cache (the paths the server takes under wrk).
"""
import os
import signal
import socket
import subprocess
import sys
import time

REQUEST = b"GET /plaintext HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
BODY = b"Hello, World!"


def answer(port, request=REQUEST, expect=1, timeout=2.0):
    """One connection: sends request, reads until `expect` answers ended; True on success."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.sendall(request)
            data = b""
            while data.count(BODY) < expect:
                chunk = s.recv(65536)
                if not chunk:
                    return False
                data += chunk
            return True
    except OSError:
        return False


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False


def wait_answer(port, deadline, proc=None, pid=None):
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None or pid is not None and not alive(pid):
            return False
        if answer(port, timeout=0.5):
            return True
        time.sleep(0.002)
    return False


def stop(proc):
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def first_answer(port, timeout, cmd):
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ok = wait_answer(port, t0 + timeout, proc)
    ms = (time.monotonic() - t0) * 1000
    stop(proc)
    if not ok:
        sys.exit(f"no answer from {' '.join(cmd)} on port {port} within {timeout} s")
    print(f"{ms:.0f}")


def train(port, requests, timeout, pid):
    if not wait_answer(port, time.monotonic() + timeout, pid=pid):
        sys.exit(f"no server answers on port {port} within {timeout} s")
    conns = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(4)]
    done = 0
    while done < requests:
        for s in conns:
            depth = 16 if done % 4 == 0 else 1
            s.sendall(REQUEST * depth)
            data = b""
            while data.count(BODY) < depth:
                chunk = s.recv(65536)
                if not chunk:
                    sys.exit("the server closed a training connection")
                data += chunk
            done += depth
    for s in conns:
        s.close()
    answer(port, b"HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", expect=0)
    answer(port, b"GET /nothing HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", expect=0)


def main(argv):
    if len(argv) >= 4 and argv[0] == "first-answer" and argv[2:3] != ["--"] and argv[3] == "--":
        first_answer(int(argv[1]), float(argv[2]), argv[4:])
    elif len(argv) in (4, 5) and argv[0] == "train":
        train(int(argv[1]), int(argv[2]), float(argv[3]), int(argv[4]) if len(argv) == 5 else None)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
