"""Throughput and latency of the local stand-in next to the Prism mock server, on loopback.

What it measures, for one read and one write operation of `specs/doedsbo/1.3.0`:

    read   GET  /doedsbojournaler/{doedsbojournalId}        getBo, answers 200
    write  POST /doedsbojournaler/{doedsbojournalId}/krav   createKrav, answers 201; a valid
           claim and a fresh `Idempotency-Key` per request, so every request creates a record

successful requests a second, p50/p99 latency, and CPU time per request, against

- the stand-in: `skifte testenv serve --rate-limit 0` in a subprocess on a fresh state, over
  plain HTTP and (unless `--no-tls`) a second one with mutual TLS (`--tls`), each with a
  bearer token from its `/oauth2/token` for the first client in the certificates folder;
- Prism: `prism mock --verboseLevel warn` (no log line per request, like the stand-in) in a
  subprocess on the same spec file, with request validation on, its default: an invalid
  request gets 400/422, and a request without a bearer token 401 (it does not check which
  token). It is installed on first use with `npm install --prefix ~/.cache/skifte-bench/node`.

How: all servers are started first. The load generator is this process: `--concurrency`
threads, each with its own httpx client and keep-alive connection, sending one request at
a time. Each server gets `--warmup` seconds per operation (discarded), then `--seconds`
seconds per operation cut into `--rounds` slices, taken in turn with the other servers, so
a change in the CPU the machine gives us hits every server alike. A server and operation
also stop at about `--max-requests` requests. Latency is taken per request, from send to
full response. A request is an error when it fails or answers another status than the
operation's (200, 201); req/s counts successful requests only.

The CPU columns come from /proc (Linux): the server process's CPU time per request, which
does not depend on how much CPU the load generator takes, and the share of one core the
server and the generator used. The server and the generator share the machine's cores.

Every address is 127.0.0.1; every server is stopped when the run ends, also on an error or
Ctrl-C.

    .venv/bin/python bench/testenv.py [--seconds N] [--concurrency N]
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import platform
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from skifte.testenv.certs import CA_FILE, client_files
from skifte.testenv.server import free_port

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = ROOT / "specs"
SPEC = REGISTRY / "doedsbo" / "1.3.0" / "openapi.yaml"
HOST = "127.0.0.1"
CLIENT_ID = "testklient-01"
PRISM_PACKAGE = "@stoplight/prism-cli@5.14.2"
PRISM_HOME = Path.home() / ".cache" / "skifte-bench" / "node"
PRISM_ESTATE = "d0e5b0d1-0000-4000-8000-000000000001"
"""Any UUID will do for Prism: it checks the format, not whether the estate exists."""
KRAV = {"kravtype": "LAAN", "beloeb": 100.0, "kreditor": {"navn": "Fiktiv Bank A/S"}}
STARTUP_SECONDS = 90.0
REQUEST_TIMEOUT = 10.0
STAND_IN = "stand-in"
STAND_IN_TLS = "stand-in mTLS"
PRISM = "Prism"


@dataclass(frozen=True)
class Operation:
    name: str
    method: str
    path: str
    """With `{estate}` for the estate's id."""
    success: int
    body: dict[str, Any] | None = None
    fresh_key: bool = False
    """Send a new `Idempotency-Key` with every request."""


READ = Operation("read getBo", "GET", "/doedsbojournaler/{estate}", 200)
WRITE = Operation(
    "write createKrav", "POST", "/doedsbojournaler/{estate}/krav", 201, KRAV, fresh_key=True
)
OPERATIONS = (READ, WRITE)


@dataclass(frozen=True)
class Target:
    """A server under load: where it is, how to reach it, and which estate to address."""

    name: str
    base_url: str
    pid: int
    headers: dict[str, str]
    estate: str
    tls: ssl.SSLContext | None = None


@dataclass
class Outcome:
    """One server and operation, summed over the slices measured."""

    server: str
    operation: str
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)
    errors: int = 0
    server_cpu: float | None = 0.0
    """CPU seconds of the server process; None where /proc cannot tell."""
    client_cpu: float = 0.0
    """CPU seconds of this process (the load generator)."""

    @property
    def requests(self) -> int:
        return len(self.latencies)

    @property
    def throughput(self) -> float:
        return (self.requests - self.errors) / self.seconds if self.seconds else 0.0

    @property
    def server_ms(self) -> float | None:
        """Server CPU time per request, in milliseconds."""
        if self.server_cpu is None or not self.requests:
            return None
        return self.server_cpu / self.requests * 1000

    def percentile(self, share: float) -> float:
        """Nearest-rank percentile of the latencies, in milliseconds."""
        if not self.latencies:
            return math.nan
        ordered = sorted(self.latencies)
        return ordered[max(1, math.ceil(share * len(ordered))) - 1] * 1000

    def add(self, other: Outcome) -> None:
        self.seconds += other.seconds
        self.latencies += other.latencies
        for status, count in other.statuses.items():
            self.statuses[status] = self.statuses.get(status, 0) + count
        self.errors += other.errors
        if self.server_cpu is None or other.server_cpu is None:
            self.server_cpu = None
        else:
            self.server_cpu += other.server_cpu
        self.client_cpu += other.client_cpu


@dataclass(frozen=True)
class Load:
    seconds: float
    warmup: float
    rounds: int
    concurrency: int
    max_requests: int


# --- the load generator ------------------------------------------------------------------


def drive(target: Target, op: Operation, seconds: float, load: Load) -> Outcome:
    """`op` from `load.concurrency` threads until `seconds` pass or the request cap is met."""
    url = op.path.format(estate=target.estate)
    per_worker = math.ceil(load.max_requests / load.rounds / load.concurrency)
    run = f"{time.time_ns():x}"
    workers = [Outcome(target.name, op.name) for _ in range(load.concurrency)]
    deadline = time.perf_counter() + seconds

    def work(number: int, outcome: Outcome) -> None:
        with httpx.Client(
            base_url=target.base_url,
            headers=target.headers,
            timeout=REQUEST_TIMEOUT,
            verify=target.tls if target.tls is not None else True,
            trust_env=False,
        ) as client:
            for sent in range(per_worker):
                if time.perf_counter() >= deadline:
                    return
                key = {"Idempotency-Key": f"bench-{run}-{number}-{sent}"} if op.fresh_key else {}
                started = time.perf_counter()
                try:
                    response = client.request(op.method, url, json=op.body, headers=key)
                    status = str(response.status_code)
                except httpx.HTTPError as exc:
                    status = type(exc).__name__
                outcome.latencies.append(time.perf_counter() - started)
                outcome.statuses[status] = outcome.statuses.get(status, 0) + 1
                outcome.errors += status != str(op.success)

    threads = [
        threading.Thread(target=work, args=(n, w), name=f"load-{n}", daemon=True)
        for n, w in enumerate(workers)
    ]
    server_before, client_before = _cpu_seconds(target.pid), time.process_time()
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + REQUEST_TIMEOUT + 5)
    total = Outcome(target.name, op.name)
    for outcome in workers:
        total.add(outcome)
    total.seconds = time.perf_counter() - started
    total.client_cpu = time.process_time() - client_before
    server_after = _cpu_seconds(target.pid)
    if server_before is None or server_after is None:
        total.server_cpu = None
    else:
        total.server_cpu = server_after - server_before
    return total


def measure(targets: list[Target], load: Load) -> list[Outcome]:
    """Every target and operation, in interleaved slices; the outcomes by target, then op."""
    totals = {(t.name, op.name): Outcome(t.name, op.name) for t in targets for op in OPERATIONS}
    for op in OPERATIONS:
        if load.warmup > 0:
            for target in targets:
                drive(target, op, load.warmup, load)
        for round_number in range(load.rounds):
            # Each round starts with another server, so none always follows the same one.
            shift = round_number % len(targets)
            for target in targets[shift:] + targets[:shift]:
                outcome = drive(target, op, load.seconds / load.rounds, load)
                totals[(target.name, op.name)].add(outcome)
        for target in targets:
            print(f"  {_row(totals[(target.name, op.name)])}", file=sys.stderr)
    return list(totals.values())


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process, from /proc (Linux); None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# --- the servers -------------------------------------------------------------------------


@contextlib.contextmanager
def _process(command: Sequence[str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """A server subprocess, ended (SIGTERM, then SIGKILL) when the block is left."""
    with log.open("wb") as output:
        process = subprocess.Popen(
            list(command), stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
        try:
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def _wait_for_port(
    process: subprocess.Popen[bytes], port: int, log: Path, said: str | None = None
) -> None:
    """Until the port takes connections and, with `said`, the log says so (the stand-in
    binds its port before it writes its certificates)."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited ({process.returncode}):\n{_tail(log)}")
        with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=1.0):
            if said is None or said in log.read_text(errors="replace"):
                return
        time.sleep(0.2)
    raise RuntimeError(f"port {port}: nothing listening within {STARTUP_SECONDS:.0f} s")


def _tail(log: Path, lines: int = 20) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def _credentials(env_file: Path) -> tuple[str, str]:
    values = dict(line.split("=", 1) for line in env_file.read_text(encoding="utf-8").split())
    return values["SKIFTE_CLIENT_ID"], values["SKIFTE_CLIENT_SECRET"]


@contextlib.contextmanager
def stand_in(work: Path, *, tls: bool) -> Iterator[Target]:
    """`skifte testenv serve` on a fresh state, no rate limit; a bearer token for client 01."""
    certs, port = work / "certs", free_port(HOST)
    command = [sys.executable, "-m", "skifte.cli", "testenv", "serve"]
    command += ["--registry", str(REGISTRY), "--certs", str(certs)]
    command += ["--data", str(work / f"data-{port}"), "--host", HOST, "--port", str(port)]
    command += ["--rate-limit", "0", "--token-lifetime", "3600", *(["--tls"] if tls else [])]
    log = work / f"stand-in-{port}.log"
    with _process(command, log) as process:
        _wait_for_port(process, port, log, said="listening on")
        files = client_files(certs, CLIENT_ID)
        context = None
        if tls:
            context = ssl.create_default_context(cafile=str(certs / CA_FILE))
            context.load_cert_chain(files.cert, files.key)
        base_url = f"{'https' if tls else 'http'}://{HOST}:{port}"
        with httpx.Client(
            base_url=base_url, verify=context if context else True, trust_env=False
        ) as http:
            granted = http.post(
                "/oauth2/token",
                data={"grant_type": "client_credentials"},
                auth=_credentials(files.env),
            )
            granted.raise_for_status()
            headers = {"Authorization": f"Bearer {granted.json()['access_token']}"}
            found = http.post("/doedsbojournaler", json={}, headers=headers)
            found.raise_for_status()
            estate = str(found.json()[0]["doedsbojournalId"])
        yield Target(
            STAND_IN_TLS if tls else STAND_IN, base_url, process.pid, headers, estate, context
        )


def prism_executable() -> Path | None:
    """Prism from the cache folder, installed there with npm on first use; None without npm."""
    executable = PRISM_HOME / "node_modules" / ".bin" / "prism"
    if executable.exists():
        return executable
    npm = shutil.which("npm")
    if npm is None:
        return None
    print(f"installing {PRISM_PACKAGE} into {PRISM_HOME} ...", file=sys.stderr)
    PRISM_HOME.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [npm, "install", "--prefix", str(PRISM_HOME), PRISM_PACKAGE, "--no-audit", "--no-fund"],
        check=True,
        timeout=600,
        stdout=subprocess.DEVNULL,
    )
    return executable if executable.exists() else None


@contextlib.contextmanager
def prism(executable: Path, work: Path) -> Iterator[Target]:
    """`prism mock` on the same spec: static examples, request validation on, no info log."""
    port = free_port(HOST)
    command = [str(executable), "mock", "--host", HOST, "--port", str(port)]
    command += ["--verboseLevel", "warn", str(SPEC)]
    log = work / f"prism-{port}.log"
    with _process(command, log) as process:
        _wait_for_port(process, port, log)
        headers = {"Authorization": "Bearer bench"}
        yield Target(PRISM, f"http://{HOST}:{port}", process.pid, headers, PRISM_ESTATE)


def _version(command: Sequence[str]) -> str:
    try:
        result = subprocess.run(
            list(command), capture_output=True, text=True, timeout=60, check=False
        )
    except OSError:
        return "-"
    return result.stdout.strip() or "-"


# --- the report --------------------------------------------------------------------------


def _row(outcome: Outcome) -> str:
    server_cpu = f"{outcome.server_cpu / outcome.seconds:.0%}" if outcome.server_cpu else "-"
    server_ms = f"{outcome.server_ms:.2f}" if outcome.server_ms is not None else "-"
    client_cpu = f"{outcome.client_cpu / outcome.seconds:.0%}" if outcome.seconds else "-"
    errors = str(outcome.errors)
    if outcome.errors:
        unexpected = {k: v for k, v in outcome.statuses.items() if k not in ("200", "201")}
        errors += " (" + ", ".join(f"{k}: {v}" for k, v in sorted(unexpected.items())) + ")"
    return (
        f"| {outcome.server} | {outcome.operation} | {outcome.requests} "
        f"| {outcome.throughput:.0f} | {outcome.percentile(0.50):.1f} "
        f"| {outcome.percentile(0.99):.1f} | {errors} | {server_ms} | {server_cpu} "
        f"| {client_cpu} |"
    )


def report(outcomes: list[Outcome]) -> str:
    lines = [
        "| server | operation | requests | req/s | p50 ms | p99 ms | errors "
        "| server CPU ms/req | server CPU | load CPU |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        *(_row(o) for o in outcomes),
        "",
    ]
    by_key = {(o.server, o.operation): o for o in outcomes}
    for op in OPERATIONS:
        theirs = by_key.get((PRISM, op.name))
        for server in (STAND_IN, STAND_IN_TLS):
            ours = by_key.get((server, op.name))
            if ours is None or theirs is None or not theirs.throughput:
                continue
            ratio = ours.throughput / theirs.throughput
            line = (
                f"{server} / Prism, {op.name}: throughput {ratio:.2f}x"
                f" ({ours.throughput:.0f} vs {theirs.throughput:.0f} req/s)"
            )
            if ours.server_ms and theirs.server_ms:
                line += (
                    f"; CPU per request {ours.server_ms / theirs.server_ms:.2f}x"
                    f" ({ours.server_ms:.2f} vs {theirs.server_ms:.2f} ms)"
                )
            lines.append(line)
    return "\n".join(lines)


def machine(prism_at: Path | None) -> str:
    node = shutil.which("node")
    return (
        f"{os.cpu_count()} cores ({platform.machine()}), {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}; httpx {httpx.__version__}; "
        f"node {_version([node, '--version']) if node else '-'}; "
        f"Prism {_version([str(prism_at), '--version']) if prism_at else 'not measured'}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Throughput and latency of the stand-in next to Prism, on loopback."
    )
    parser.add_argument("--seconds", type=float, default=10.0, help="per server and operation")
    parser.add_argument("--concurrency", type=int, default=8, help="concurrent requests")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds, discarded")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved slices")
    parser.add_argument(
        "--max-requests", type=int, default=200_000, help="per server and operation"
    )
    parser.add_argument("--no-tls", action="store_true", help="skip the mutual-TLS stand-in")
    parser.add_argument("--no-prism", action="store_true", help="measure the stand-in only")
    args = parser.parse_args(argv)
    if min(args.seconds, args.concurrency, args.rounds, args.max_requests) <= 0:
        parser.error("--seconds, --concurrency, --rounds and --max-requests must be positive")
    load = Load(
        args.seconds, max(args.warmup, 0.0), args.rounds, args.concurrency, args.max_requests
    )
    prism_at = None if args.no_prism else prism_executable()
    if prism_at is None and not args.no_prism:
        print("Prism is not available (no npm): measuring the stand-in only", file=sys.stderr)
    described = machine(prism_at)
    print(described, file=sys.stderr)
    with (
        tempfile.TemporaryDirectory(prefix="skifte-bench-") as folder,
        contextlib.ExitStack() as servers,
    ):
        work = Path(folder)
        targets = [servers.enter_context(stand_in(work, tls=False))]
        if not args.no_tls:
            targets.append(servers.enter_context(stand_in(work, tls=True)))
        if prism_at is not None:
            targets.append(servers.enter_context(prism(prism_at, work)))
        outcomes = measure(targets, load)
    print(
        f"{described}\n{load.concurrency} concurrent requests, {load.seconds:g} s per server and "
        f"operation in {load.rounds} interleaved slices after {load.warmup:g} s warm-up\n"
    )
    print(report(outcomes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
