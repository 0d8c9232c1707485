#!/usr/bin/env python3
"""A keep-alive HTTP/1.1 file server for bench/run.sh's latency scenario: it waits DELAY_MS before every
answer, as a far server or a busy application server does, and then sends the file at full speed.

nginx cannot hold back an answer by a fixed time, so this small asyncio server does; every tool in a run
fetches from the same server, so its own cost (a few per cent of one core at 16 requests in flight)
is the same for all of them.

Usage: delayserver.py ROOT DELAY_MS   (prints the port it listens on, on 127.0.0.1, then serves)
"""
import asyncio
import os
import sys
import urllib.parse

ROOT = os.path.realpath(sys.argv[1])
DELAY = int(sys.argv[2]) / 1000.0


def resolve(target):
    path = urllib.parse.unquote(urllib.parse.urlsplit(target).path)
    full = os.path.realpath(os.path.join(ROOT, path.lstrip("/")))
    if full != ROOT and not full.startswith(ROOT + os.sep):
        return None
    return full if os.path.isfile(full) else None


async def serve(reader, writer):
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, target, version = (lines[0].split(" ") + ["", "", ""])[:3]
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip().lower()
            close = version == "HTTP/1.0" or headers.get("connection") == "close"
            await asyncio.sleep(DELAY)
            path = resolve(target) if method in ("GET", "HEAD") else None
            if path is None:
                body = b"not found\n"
                writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
            else:
                with open(path, "rb") as f:
                    body = f.read()
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                             b"Content-Length: %d\r\n%s\r\n" % (len(body), b"Connection: close\r\n" if close else b""))
                if method == "GET":
                    writer.write(body)
            await writer.drain()
            if close:
                break
    except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
        pass
    finally:
        writer.close()


async def main():
    server = await asyncio.start_server(serve, "127.0.0.1", 0, backlog=1024)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main())
