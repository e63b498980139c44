"""`skifte contract run`: one release, one target, schemathesis with our hooks, then reports.

target (local stand-in or URL) → hook settings (with the release's path index,
records.py) + credentials in the environment
→ `st run` (all checks, deterministic seed, bounded rate and workers)
→ clean-up of what the run created → reports
"""

from __future__ import annotations

import importlib
import os
import shutil
import ssl
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from skifte.api import build_api
from skifte.registry import Registry, Release

from .credentials import Credentials

if TYPE_CHECKING:  # loaded while schemathesis runs, not before
    from skifte.api import Api
    from skifte.testenv.faults import ActiveFault

    from .cleanup import Deleter
from .ledger import Ledger, summarise
from .progress import RunProgress
from .records import PathIndex
from .report import RunReport, link_sequences, write_reports
from .results import read_results
from .settings import HOOKS_MODULE, RUN_HEADER, SETTINGS_ENV, HookSettings, api_scopes
from .target import Target, TargetError, local_target

PHASES = ("examples", "coverage", "fuzzing", "stateful")
MAX_RESPONSE_TIME = 1.5
"""Seconds an answer of a remote environment may take (the max_response_time check)."""
LOCAL_MAX_RESPONSE_TIME = 5.0
"""The same for the local stand-in: generous, since how fast it answers on a busy machine
says nothing about the contract (its slow-response fault waits longer than this)."""
LOCAL_PARALLEL_DELETES = 4
STOP_SECONDS = 2.0


@dataclass(frozen=True)
class RunOptions:
    registry: Path
    release: Release
    report_dir: Path
    certs: Path | None = None
    target_url: str | None = None
    """None: the local stand-in."""
    max_examples: int = 10
    seed: int = 1
    rate_limit: str | None = None
    """e.g. 10/s; None: 10/s against a URL, unlimited against the local stand-in."""
    workers: int = 1
    max_requests: int | None = None
    """A budget: the run stops once it has sent this many requests."""
    faults: tuple[ActiveFault, ...] = ()
    behave_as: str | None = None
    phases: tuple[str, ...] = PHASES
    dry_run: bool = False
    data: Path | None = None
    """The local stand-in's state folder (default: a fresh one in the run's folder)."""
    testenv_rate: tuple[float, int] = (2000.0, 2000)
    """The local stand-in's per-client rate limit and burst: above the run's own local rate
    (1000/s), so how fast a local run goes depends on neither side's timing."""
    operation_ids: tuple[str, ...] = ()
    """Only these operations (default: all)."""
    progress_seconds: float = 5.0
    """How often a running run says how far it got."""


@dataclass
class RunOutcome:
    report: RunReport | None
    command: list[str] = field(default_factory=list)
    exit_code: int = 0


def run_contract(
    options: RunOptions,
    credentials: Credentials,
    say: Callable[[str], None] = print,
    progress: Callable[[str], None] | None = None,
) -> RunOutcome:
    """`say` hears what the run does; `progress` (default: `say`) how far it got."""
    began = time.monotonic()
    api = build_api(options.release.read())
    run_id = new_run_id()
    work = options.report_dir / run_id
    context: AbstractContextManager[Target]
    if options.target_url is None:
        assert options.certs is not None, "the local stand-in needs a certificates folder"
        context = local_target(
            options.registry,
            options.release,
            certs=options.certs,
            data=options.data or work / "testenv-data",
            faults=options.faults,
            behave_as=options.behave_as,
            token_endpoint=api.token_endpoint(),
            rate=options.testenv_rate,
        )
    else:
        context = nullcontext(Target.remote(api, options.target_url))
    if options.dry_run:
        target = Target(
            options.target_url or "https://127.0.0.1:<free port>",
            "(token endpoint)",
            local=options.target_url is None,
        )
        command = _command(options, target, credentials, work)
        operations = len(api.operations)
        say(f"would send to {target.base_url} at {_rate(options, target)}")
        say(f"token endpoint: {target.token_url}")
        say("schemathesis: " + " ".join(command))
        say(f"operations: {operations} of {options.release.ref}; nothing was sent")
        return RunOutcome(None, command, 0)
    # A URL is tried before anything is written: a token, over mutual TLS, as the run will.
    checked = None if options.target_url is None else _reachable(api, options, credentials, run_id)
    work.mkdir(parents=True, exist_ok=True)
    with context as target:
        settings = HookSettings(
            run_id=run_id,
            base_url=target.base_url,
            token_url=target.token_url,
            scopes=api_scopes(api),
            cert=str(credentials.cert) if credentials.cert else None,
            key=str(credentials.key) if credentials.key else None,
            ca=str(credentials.ca) if credentials.ca else None,
            ledger=str(work),
            paths=str(work / "paths.json"),
            max_requests=options.max_requests,
            on_behalf_of=_on_behalf_of(credentials, target),
        )
        settings.write(work / "hooks.json")
        # The release's paths, read off its model: which records a request needs to find.
        PathIndex.from_api(api).write(work / "paths.json")
        # No crash cache: a run must not replay cases from an earlier run (or another target).
        (work / "schemathesis.toml").write_text("[cache]\nenabled = false\n", encoding="utf-8")
        command = _command(options, target, credentials, work)
        say(f"contract run {run_id}: {options.release.ref} against {target.base_url}")
        started = time.time()
        ledger = Ledger(work)
        exit_code = 1
        deleter: Deleter | None = checked
        try:
            with (
                (work / "schemathesis.log").open("w", encoding="utf-8") as log,
                tempfile.TemporaryDirectory(prefix="skifte-hypothesis-") as scratch,
            ):
                process = subprocess.Popen(  # noqa: S603 - our own argument list, no shell
                    command,
                    env={
                        **os.environ,
                        **credentials.environment(),
                        SETTINGS_ENV: str(work / "hooks.json"),
                        "SCHEMATHESIS_HOOKS": HOOKS_MODULE,
                        # Hypothesis's caches go here, not to .hypothesis/ in the user's folder.
                        "HYPOTHESIS_STORAGE_DIRECTORY": scratch,
                    },
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
                try:
                    # The clean-up loads, and authenticates, while schemathesis works: once
                    # the run ends, only its deletes remain.
                    if deleter is None:
                        deleter = _start_cleanup(api, target, credentials, run_id)
                    exit_code = _wait(
                        process,
                        RunProgress(work, Path(log.name)),
                        options,
                        progress or say,
                        began,
                    )
                finally:
                    _stop(process)
        finally:
            # Whatever stopped the run (even Ctrl-C), what it created is removed.
            from .cleanup import clean_up, deleter_for

            duration = time.time() - started
            if deleter is None:
                deleter = deleter_for(api, target, credentials, run_id)
            try:
                # The local stand-in serves this run alone: its records can go a few at a time.
                cleanup = clean_up(
                    ledger,
                    api,
                    deleter,
                    parallel=LOCAL_PARALLEL_DELETES if target.local else 1,
                )
            finally:
                deleter.close()
    results = read_results(work)
    report = RunReport.build(
        run_id=run_id,
        release=options.release.ref,
        behaves_as=options.behave_as,
        target=target.base_url,
        local=target.local,
        duration=duration,
        rate_limit=_rate(options, target),
        results=results,
        ledger=summarise(ledger),
        links=link_sequences(ledger, api),
        cleanup=cleanup,
        schemathesis_exit=exit_code,
        faults=tuple(str(fault) for fault in options.faults),
    )
    write_reports(report, work, secrets=[credentials.secret])
    _point_latest_at(options.report_dir / "latest", work)
    return RunOutcome(report, command, 0 if report.passed else 1)


def new_run_id() -> str:
    """`run-20261129T200548Z-3250a058`: when (UTC) and a random part. Every request carries
    it and every report shows it, through the redaction of CPR-shaped text: the `Z` keeps
    the time's digits from running into the random part's (`200548-3250` is a date and
    four digits, a CPR number that could be real, and would be redacted)."""
    return f"run-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}-{uuid.uuid4().hex[:8]}"


def _reachable(api: Api, options: RunOptions, credentials: Credentials, run_id: str) -> Deleter:
    """The clean-up's connection to the URL, with a token: or TargetError saying why not."""
    from .cleanup import deleter_for

    assert options.target_url is not None
    target = Target.remote(api, options.target_url)
    try:
        deleter = deleter_for(api, target, credentials, run_id)
    except (ssl.SSLError, OSError) as exc:
        raise TargetError(
            f"cannot use the client certificate {credentials.cert} with its key "
            f"{credentials.key}: {getattr(exc, 'reason', None) or exc}"
        ) from None
    try:
        deleter.check()
    except TargetError:
        deleter.close()
        raise
    return deleter


def _start_cleanup(
    api: Api, target: Target, credentials: Credentials, run_id: str
) -> Deleter | None:
    """The clean-up's connection, authenticating in the background; None for an API
    that deletes nothing (its run leaves what it creates, and says so)."""
    if not any(op.method == "DELETE" for op in api.operations):
        return None
    cleanup = importlib.import_module(".cleanup", __package__)
    deleter: Deleter = cleanup.deleter_for(api, target, credentials, run_id)
    deleter.start()
    return deleter


def _wait(
    process: subprocess.Popen[bytes],
    progress: RunProgress,
    options: RunOptions,
    say: Callable[[str], None],
    began: float,
) -> int:
    """schemathesis's exit status; meanwhile, a line on its progress every few seconds,
    counted from `began` (the run's start), so a slow start is no silent stretch."""
    due = began + options.progress_seconds
    while True:
        try:
            status = process.wait(timeout=max(due - time.monotonic(), 0.01))
        except subprocess.TimeoutExpired:
            say(f"… {time.monotonic() - began:.0f} s: {progress.look()}")
            due = time.monotonic() + options.progress_seconds
        else:
            # The last word on the run: what follows (clean-up, reports) is short.
            say(f"… {time.monotonic() - began:.0f} s: schemathesis done; {progress.look()}")
            return status


def _stop(process: subprocess.Popen[bytes]) -> None:
    """After a Ctrl-C schemathesis gets a moment to stop by itself (it got the signal
    too, and writes its reports); then it is stopped."""
    if process.poll() is not None:
        return
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _point_latest_at(latest: Path, work: Path) -> None:
    """`reports/latest` leads to the newest run."""
    if latest.is_symlink():
        latest.unlink()
    elif latest.exists():
        shutil.rmtree(latest)
    latest.symlink_to(work.name)


def _command(
    options: RunOptions, target: Target, credentials: Credentials, work: Path
) -> list[str]:
    st = Path(sys.executable).with_name("st")
    command = [
        str(st),
        "--config-file",
        str(work / "schemathesis.toml"),
        "run",
        str(options.release.spec_path),
        "--url",
        target.base_url,
        "--checks",
        "all",
        "--max-examples",
        str(options.max_examples),
        "--seed",
        str(options.seed),
        # Nothing kept between runs: no earlier failures replayed first, and no
        # .hypothesis/ folder left in the user's working folder.
        "--generation-database",
        "none",
        "--phases",
        ",".join(options.phases),
        "--workers",
        str(options.workers),
        "--rate-limit",
        _rate(options, target),
        "--max-response-time",
        str(LOCAL_MAX_RESPONSE_TIME if target.local else MAX_RESPONSE_TIME),
        "--report",
        "junit,json",
        "--report-dir",
        str(work / "schemathesis"),
        "--no-color",
        "--header",
        f"{RUN_HEADER}: {work.name}",
    ]
    for operation_id in options.operation_ids:
        command += ["--include-operation-id", operation_id]
    if credentials.ca is not None:
        command += ["--tls-verify", str(credentials.ca)]
    if credentials.cert is not None:
        command += ["--request-cert", str(credentials.cert)]
    if credentials.key is not None:
        command += ["--request-cert-key", str(credentials.key)]
    return command


def _rate(options: RunOptions, target: Target) -> str:
    if options.rate_limit:
        return options.rate_limit
    return "1000/s" if target.local else "10/s"


def open_release(registry: Path, api: str, version: str | None) -> Release:
    return Registry(registry).resolve(f"{api}@{version}" if version else api)


def _on_behalf_of(credentials: Credentials, target: Target) -> str | None:
    """The liquidator the run acts for: the credentials', else, against the local stand-in,
    the one it associates with the client (a certificates folder made before it said so)."""
    if credentials.on_behalf_of or not target.local:
        return credentials.on_behalf_of
    from skifte.testenv.liquidators import liquidator_of

    return liquidator_of(credentials.client_id)
