"""`skifte contract run` against plain `st run` with the same settings, on the same target.

Both test the stand-in (mutual TLS, no rate limit on its side) with the same spec,
seed, phases, checks, examples, workers and rate limit. Plain `st run` gets a bearer
token fetched beforehand; `skifte contract run` adds its hooks (token refresh, data
guard, ledger, its own checks), the clean-up and the reports. Every run meets a fresh
stand-in with the same seeded records: plain `st run` leaves what it creates, and a
growing environment would slow whichever run comes later. The two take turns going
first, round by round. Printed: wall time, requests, requests per second, and the
overhead: the median of each round's ratio (the two runs of a round are neighbours in
time, so the machine's drift cancels), and the ratios of the medians and of the bests.

    .venv/bin/python bench/contract.py [--api tvangsoploesning] [--max-examples 10] [--rounds 8]
"""

from __future__ import annotations

import argparse
import json
import os
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api", default="tvangsoploesning")
    parser.add_argument("--max-examples", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=8)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-contract-"))
    certs = work / "certs"
    subprocess.run(
        [str(BIN / "skifte"), "testenv", "init", "--out", str(certs)],
        check=True,
        capture_output=True,
    )
    spec = sorted((ROOT / "specs" / args.api).glob("*/openapi.yaml"))[-1]
    credentials = dict(
        line.split("=", 1) for line in (certs / "testklient-01.env").read_text().split()
    )
    ours_env = {k: v for k, v in os.environ.items() if not k.startswith("SKIFTE_CLIENT")}
    ours, plain = [], []
    for n in range(args.rounds):
        # Take turns going first: a run leaves the machine's caches a little different.
        for which in ("ours", "plain") if n % 2 == 0 else ("plain", "ours"):
            with _stand_in(work / f"data-{which}-{n}", certs) as (base, context):
                if which == "ours":
                    report = work / f"ours-{n}"
                    ours.append(_timed(_ours(args, base, certs, report), env=ours_env, cwd=work))
                    ours[-1]["requests"] = _requests(
                        report / "run-*" / "report.json", key="requests"
                    )
                else:
                    token = _token(base, context, credentials)
                    plain_dir = work / f"plain-{n}"
                    command = _plain(args, spec, base, certs, token, plain_dir)
                    plain.append(_timed(command, env=dict(os.environ), cwd=work))
                    plain[-1]["requests"] = _requests(plain_dir / "json-*.json", key="test_cases")
    print("| tool | wall s | requests | req/s |")
    print("|---|---|---|---|")
    for label, runs in (("skifte contract run", ours), ("st run", plain)):
        for r in runs:
            rate = r["requests"] / r["seconds"]
            print(f"| {label} | {r['seconds']:.2f} | {r['requests']} | {rate:.0f} |")
    paired = statistics.median(
        o["seconds"] / p["seconds"] for o, p in zip(ours, plain, strict=True)
    )
    middle_ours = statistics.median(r["seconds"] for r in ours)
    middle_plain = statistics.median(r["seconds"] for r in plain)
    best_ours = min(r["seconds"] for r in ours)
    best_plain = min(r["seconds"] for r in plain)
    print(f"\noverhead (median of the {args.rounds} rounds' ratios): {paired:.2f}x wall time")
    print(f"overhead (median over median): {middle_ours / middle_plain:.2f}x wall time")
    print(f"overhead (best over best): {best_ours / best_plain:.2f}x wall time")


def _ours(args: argparse.Namespace, base: str, certs: Path, report: Path) -> list[str]:
    return [
        str(BIN / "skifte"),
        "contract",
        "run",
        "--api",
        args.api,
        "--target",
        base,
        "--certs",
        str(certs),
        "--client",
        "testklient-01",
        "--report-dir",
        str(report),
        "--max-examples",
        str(args.max_examples),
        "--seed",
        "1",
        "--rate-limit",
        "1000/s",
    ]


def _plain(
    args: argparse.Namespace, spec: Path, base: str, certs: Path, token: str, report: Path
) -> list[str]:
    return [
        str(BIN / "st"),
        "run",
        str(spec),
        "--url",
        base,
        "--checks",
        "all",
        "--max-examples",
        str(args.max_examples),
        "--seed",
        "1",
        "--workers",
        "1",
        "--rate-limit",
        "1000/s",
        "--tls-verify",
        str(certs / "ca.pem"),
        "--request-cert",
        str(certs / "testklient-01.pem"),
        "--request-cert-key",
        str(certs / "testklient-01-key.pem"),
        "-H",
        f"Authorization: Bearer {token}",
        "--max-response-time",
        "1.5",
        "--report",
        "json",
        "--report-dir",
        str(report),
        "--no-color",
    ]


@contextmanager
def _stand_in(data: Path, certs: Path) -> Iterator[tuple[str, ssl.SSLContext]]:
    """A fresh stand-in (its own state folder, the default seed) for one run."""
    port = _free_port()
    server = subprocess.Popen(
        [
            str(BIN / "skifte"),
            "testenv",
            "serve",
            "--tls",
            "--port",
            str(port),
            "--certs",
            str(certs),
            "--data",
            str(data),
            "--rate-limit",
            "0",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"https://127.0.0.1:{port}"
        yield base, _wait(base, certs)
    finally:
        server.terminate()
        server.wait(timeout=20)


def _timed(command: list[str], env: dict[str, str], cwd: Path) -> dict[str, float]:
    """In the bench's own folder: hypothesis keeps its example database where it runs.
    A run that failed to run (exit status 2 and up) would be timed as a fast one: stop."""
    start = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(
            f"{Path(command[0]).name} exited {done.returncode}:\n{done.stderr.decode()[-2000:]}"
        )
    return {"seconds": seconds}


def _requests(pattern: Path, key: str) -> int:
    found = sorted(pattern.parent.parent.glob(f"{pattern.parent.name}/{pattern.name}")) or sorted(
        pattern.parent.glob(pattern.name)
    )
    if not found:
        sys.exit(f"no report at {pattern}: the run did not finish")
    data = json.loads(found[-1].read_text(encoding="utf-8"))
    return int(data["requests"]["sent"] if key == "requests" else data["test_cases"]["generated"])


def _token(base: str, context: ssl.SSLContext, credentials: dict[str, str]) -> str:
    with httpx.Client(base_url=base, verify=context) as http:
        response = http.post(
            "/oauth2/token",
            data={"grant_type": "client_credentials"},
            auth=(credentials["SKIFTE_CLIENT_ID"], credentials["SKIFTE_CLIENT_SECRET"]),
        )
    return str(response.json()["access_token"])


def _wait(base: str, certs: Path) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=str(certs / "ca.pem"))
    context.load_cert_chain(str(certs / "testklient-01.pem"), str(certs / "testklient-01-key.pem"))
    for _ in range(300):
        try:
            httpx.get(base + "/status", verify=context)
            return context
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("the stand-in did not start")


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


if __name__ == "__main__":
    main()
