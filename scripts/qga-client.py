#!/usr/bin/env python3
"""A tiny QGA host client for demos and scripts: sends each request line to an agent's unix socket and prints
the exchange. Like libvirt, it first resynchronises with 0xFF + guest-sync-delimited. Every read has a timeout."""
import json
import random
import socket
import sys
import time


def main() -> int:
    if len(sys.argv) < 3:
        print("usage: qga-client.py SOCKET REQUEST_JSON...", file=sys.stderr)
        return 2
    path, requests = sys.argv[1], sys.argv[2:]
    deadline = time.monotonic() + 30
    while True:
        try:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.connect(path)
            break
        except OSError:
            sock.close()
            if time.monotonic() > deadline:
                print(f"could not connect to {path}", file=sys.stderr)
                return 1
            time.sleep(0.1)
    sock.settimeout(60)
    reader = sock.makefile("rb")

    sync_id = random.randrange(1, 2**31)
    sock.sendall(b"\xff" + json.dumps({"execute": "guest-sync-delimited", "arguments": {"id": sync_id}}).encode() + b"\n")
    buffered = b""
    while True:  # skip everything up to the agent's 0xFF, then expect our id
        chunk = reader.read1(4096)
        if not chunk:
            print("agent closed the connection during sync", file=sys.stderr)
            return 1
        buffered += chunk
        if b"\xff" in buffered:
            buffered = buffered.split(b"\xff", 1)[1]
            while b"\n" not in buffered:
                buffered += reader.read1(4096)
            if json.loads(buffered.split(b"\n", 1)[0]).get("return") == sync_id:
                break

    status = 0
    for request in requests:
        print(f"host  → {request}")
        sock.sendall(request.encode() + b"\n")
        line = reader.readline().decode().rstrip("\n")
        print(f"agent ← {line}")
        if '"error"' in line:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
