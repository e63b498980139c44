"""Soak: one client's reads while another sends oversized and deeply nested bodies.

What it measures, against `skifte testenv serve` (plain HTTP, loopback, no rate limit,
the default body limits: JSON 256 KiB, uploads 20 MiB) on a fresh state:

    idle     the reader alone: `GET /doedsbojournaler/{id}` (getBo) one at a time for
             `--seconds`, its p50/p99 latency
    attack   the same reads while `--attackers` threads of a second client send, in turn:
             a 12 MB JSON array (with Content-Length, and again chunked without it), a
             100 MB upload (both ways), 100k `[` to a POST and to a GET, a JSON array
             just under the limit (parsed in full), alone and in a number field, and
             900-deep nesting

and the server's resident memory (VmRSS from /proc, sampled every 20 ms), at most, in
each phase. Targets: the reader's p99 under attack below 10x its idle p99, and the
server's peak memory below `--rss-bound-mb`. The hostile requests go over raw sockets
so that a body can be cut off as soon as the server answers (it answers 413 and closes
the connection without reading the rest): "sent" is how much of them left the client.

Every address is 127.0.0.1; the server is stopped when the run ends.

    .venv/bin/python bench/soak.py [--seconds 10] [--attackers 2] [--rss-bound-mb 250]
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import itertools
import select
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx

from skifte.testenv.certs import client_files
from skifte.testenv.server import free_port

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
CHUNK = 64 * 1024
MB = 1_000_000

Hostile = tuple[str, str, str, int, Callable[[], Iterator[bytes]], bool]
"""(name, method, path suffix, body bytes, the body in chunks, declare Content-Length)."""


def _repeated(
    piece: bytes, size: int, head: bytes = b"", tail: bytes = b""
) -> tuple[int, Callable[[], Iterator[bytes]]]:
    """A body of about `size` bytes, made as it is sent: its exact length, and its chunks."""
    block = piece * max(1, CHUNK // len(piece))
    blocks = max(1, size // len(block))

    def chunks() -> Iterator[bytes]:
        yield head
        for _ in range(blocks):
            yield block
        yield tail

    return len(head) + blocks * len(block) + len(tail), chunks


def _whole(body: bytes) -> tuple[int, Callable[[], Iterator[bytes]]]:
    return len(body), lambda: iter([body])


def hostile_requests() -> list[Hostile]:
    array = _repeated(b"1,", 12 * MB, b"[", b"1]")
    upload_head = (
        b'--soak\r\nContent-Disposition: form-data; name="fil"; filename="stor.pdf"\r\n'
        b"Content-Type: application/pdf\r\n\r\n%PDF-1.4\n"
    )
    upload = _repeated(b"0", 100 * MB, upload_head, b"\r\n--soak--\r\n")
    under_limit = _repeated(b"1,", 250_000, b"[", b"1]")
    in_a_field = _repeated(b"1,", 250_000, b'{"kravtype":"LAAN","beloeb":[', b"1]}")
    deep = _whole(b"[" * 100_000)
    nested = _whole(b'{"navn":' + b"[" * 900 + b"]" * 900 + b"}")
    return [
        ("12 MB JSON array, Content-Length", "POST", "/krav", *array, True),
        ("12 MB JSON array, chunked", "POST", "/krav", *array, False),
        ("100 MB upload, Content-Length", "POST", "/bilag", *upload, True),
        ("100 MB upload, chunked", "POST", "/bilag", *upload, False),
        ("100k [ to a POST", "POST", "/krav", *deep, True),
        ("100k [ to a GET", "GET", "", *deep, True),
        ("250 kB JSON array", "POST", "/krav", *under_limit, True),
        ("250 kB array in a number field", "POST", "/krav", *in_a_field, True),
        ("900-deep nesting, a search", "POST", "", *nested, True),
    ]


def send_hostile(port: int, token: str, estate: str, request: Hostile, key: str) -> tuple[str, int]:
    """(status or how it ended, body bytes sent) for one hostile request."""
    _, method, suffix, total, chunks, declared = request
    path = "/doedsbojournaler" + ("" if method == "POST" and not suffix else f"/{estate}{suffix}")
    media = "multipart/form-data; boundary=soak" if suffix == "/bilag" else "application/json"
    length = f"Content-Length: {total}" if declared else "Transfer-Encoding: chunked"
    head = (
        f"{method} {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nAuthorization: Bearer {token}\r\n"
        f"Idempotency-Key: {key}\r\nContent-Type: {media}\r\n{length}\r\n\r\n"
    )
    sent, answer = 0, b""
    with socket.create_connection((HOST, port), timeout=60) as sock:
        sock.sendall(head.encode())
        try:
            for chunk in chunks():
                if select.select([sock], [], [], 0)[0]:
                    break  # the server has answered: stop sending
                sock.sendall(chunk if declared else b"%x\r\n%b\r\n" % (len(chunk), chunk))
                sent += len(chunk)
            else:
                if not declared:
                    sock.sendall(b"0\r\n\r\n")
            answer = sock.recv(256)
        except (BrokenPipeError, ConnectionResetError):
            with contextlib.suppress(OSError):
                answer = sock.recv(256)
    return (_status(answer) if answer else "closed, no answer"), sent


def _status(answer: bytes) -> str:
    parts = answer.split(b" ", 2)
    return parts[1].decode() if len(parts) > 1 else "no answer"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Sampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, 0.0, threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.02):
            self.peak = max(self.peak, rss_mb(self.pid))


def reads(http: httpx.Client, headers: dict[str, str], estate: str, seconds: float) -> list[float]:
    latencies = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        start = time.perf_counter()
        response = http.get(f"/doedsbojournaler/{estate}", headers=headers)
        latencies.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"a read failed: {response.status_code} {response.text[:200]}")
    return latencies


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


@contextlib.contextmanager
def server(work: Path) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    port = free_port(HOST)
    command = [sys.executable, "-m", "skifte.cli", "testenv", "serve", "--registry"]
    command += [str(ROOT / "specs"), "--certs", str(work / "certs"), "--data", str(work / "data")]
    command += ["--host", HOST, "--port", str(port), "--rate-limit", "0"]
    with (work / "server.log").open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            for _ in range(600):
                with contextlib.suppress(OSError), socket.create_connection((HOST, port), 1):
                    break
                if process.poll() is not None:
                    raise RuntimeError((work / "server.log").read_text()[-2000:])
                time.sleep(0.1)
            yield process, port
        finally:
            process.terminate()
            process.wait(timeout=10)


def token(http: httpx.Client, certs: Path, client: str) -> str:
    env = client_files(certs, client).env.read_text(encoding="utf-8").split()
    values = dict(line.split("=", 1) for line in env)
    auth = (values["SKIFTE_CLIENT_ID"], values["SKIFTE_CLIENT_SECRET"])
    granted = http.post("/oauth2/token", data={"grant_type": "client_credentials"}, auth=auth)
    granted.raise_for_status()
    return str(granted.json()["access_token"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--attackers", type=int, default=2)
    parser.add_argument("--rss-bound-mb", type=float, default=250.0)
    options = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="skifte-soak-") as folder,
        server(Path(folder)) as (
            process,
            port,
        ),
    ):
        work = Path(folder)
        with httpx.Client(base_url=f"http://{HOST}:{port}", timeout=60, trust_env=False) as http:
            reader = {"Authorization": f"Bearer {token(http, work / 'certs', 'testklient-01')}"}
            attacker = token(http, work / "certs", "testklient-02")
            estate = str(
                http.post("/doedsbojournaler", json={}, headers=reader).json()[0][
                    "doedsbojournalId"
                ]
            )
            reads(http, reader, estate, 1.0)  # warm-up
            idle_sampler = Sampler(process.pid)
            idle_sampler.start()
            idle = reads(http, reader, estate, options.seconds)
            idle_sampler.stop.set()

            outcomes: collections.Counter[tuple[str, str]] = collections.Counter()
            sent: collections.Counter[str] = collections.Counter()
            stop = threading.Event()
            keys = itertools.count()

            def attack() -> None:
                for request in itertools.cycle(hostile_requests()):
                    if stop.is_set():
                        return
                    status, count = send_hostile(
                        port, attacker, estate, request, f"soak-{next(keys)}"
                    )
                    outcomes[(request[0], status)] += 1
                    sent[request[0]] += count

            sampler = Sampler(process.pid)
            sampler.start()
            threads = [
                threading.Thread(target=attack, daemon=True) for _ in range(options.attackers)
            ]
            for thread in threads:
                thread.start()
            time.sleep(1.0)  # the attack under way before the reads are timed
            loaded = reads(http, reader, estate, options.seconds)
            stop.set()
            for thread in threads:
                thread.join(timeout=120)
            sampler.stop.set()

    ratio = percentile(loaded, 0.99) / percentile(idle, 0.99)
    memory_met = sampler.peak < options.rss_bound_mb
    for phase, latencies in (("idle", idle), ("attack", loaded)):
        p50, p99, worst = percentile(latencies, 0.5), percentile(latencies, 0.99), max(latencies)
        print(
            f"reads {phase:6} {len(latencies):6} requests, p50 {p50:.1f} ms, p99 {p99:.1f} ms,"
            f" max {worst:.0f} ms"
        )
    print(f"p99 attack / idle: {ratio:.1f}x (target < 10x): {'met' if ratio < 10 else 'NOT met'}")
    print(
        f"server memory peak: idle {idle_sampler.peak:.0f} MB, attack {sampler.peak:.0f} MB"
        f" (bound {options.rss_bound_mb:.0f} MB): {'met' if memory_met else 'NOT met'}"
    )
    print("hostile requests (answer: count, body MB sent by the client):")
    for request in hostile_requests():
        answers = ", ".join(
            f"{s}: {n}" for (name, s), n in sorted(outcomes.items()) if name == request[0]
        )
        print(f"  {request[0]:36} {answers:24} {sent[request[0]] / MB:8.1f} MB")
    return 0 if ratio < 10 and memory_met else 1


if __name__ == "__main__":
    raise SystemExit(main())
