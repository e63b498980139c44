"""A published spec fetched from its URL, and filed when it is a new release.

The programme publishes each release as a `.txt` file at a stable URL. A fetch asks
with the validators of the last answer (`ETag`, `Last-Modified`), kept per URL in
`<registry>/.fetch-cache.json`; a `304 Not Modified` is no new release and reads
nothing. A `200` goes through the registry's own import (`Registry.file_document`:
validation, lock, immutability). The cache changes only after a release was filed or
found filed with the same content, so a refused or failed fetch writes nothing.

URLs appear in messages and in the cache without credentials or query (a signed
URL's token must not end up in a registry that is committed to git).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from skifte.spec import MAX_SPEC_BYTES, parse_spec

from .lock import registry_lock
from .release import Release, api_name_problem
from .store import Imported, Registry, RegistryError

CACHE_FILE = ".fetch-cache.json"
DEFAULT_TIMEOUT = 30.0
"""Seconds to wait for a connection, and then for each part of the answer."""
_SAFE_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")
_FALLBACK_FILE_NAME = "openapi.txt"


class FetchError(RegistryError):
    """The URL gave no spec to import (unusable URL, no connection, an error answer);
    nothing was written."""


@dataclass(frozen=True)
class Fetched:
    url: str
    """As shown: without credentials or query."""
    release: Release
    new: bool
    """True when this fetch filed the release."""
    reason: str
    """`imported`, `not modified` (the server answered 304) or `same content`."""
    warning: str = ""
    """Something that went wrong after the release was safely filed (the cache)."""


def fetch_release(
    registry: Registry,
    url: str,
    api: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    today: dt.date | None = None,
) -> Fetched:
    """Fetch the spec at `url` and file it as a release of `api` when it is new.

    Raises FetchError when nothing usable came back, SpecError for a document the
    import refuses, ReleaseConflict for other content under a version already filed;
    in each case the registry (cache included) is untouched.
    """
    if (problem := api_name_problem(api)) is not None:
        raise RegistryError(problem)
    shown = shown_url(url)
    cached = _read_cache(registry.root).get(shown, {})
    known = _cached_release(registry, api, cached)
    headers = _conditional_headers(cached) if known is not None else {}
    answer = _download(url, shown, headers, timeout)
    if answer.status == 304:
        if known is None:
            raise FetchError(f"{shown}: the server answered 304 Not Modified to a plain request")
        return Fetched(shown, known, new=False, reason="not modified")
    # Read and validated as `skifte import` reads a file; errors name the URL.
    document = parse_spec(answer.body, shown)
    imported = registry.file_document(
        document, api, published_file=published_file_name(answer.url), today=today
    )
    warning = ""
    try:
        _remember(registry.root, shown, imported, answer.validators)
    except OSError as exc:  # the release is filed; the cache only saves a download
        warning = (
            f"the answer's validators were not cached ({exc.strerror or exc}): "
            "the next fetch downloads the file in full"
        )
    reason = "imported" if imported.added else "same content"
    return Fetched(shown, imported.release, new=imported.added, reason=reason, warning=warning)


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def shown_url(url: str) -> str:
    """The URL without credentials, query or fragment; FetchError for what is no web URL."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError as exc:  # e.g. an unclosed `[` of an IPv6 host
        raise FetchError(f"not a web URL ({exc}): nothing was fetched") from None
    host = parts.hostname or ""
    try:
        port = parts.port
    except ValueError:  # a port that is no number, or out of range
        port, host = None, ""
    if parts.scheme not in ("http", "https") or not host:
        shown = url if len(url) <= 80 else url[:80] + "…"
        raise FetchError(f"{shown!r} is not an http:// or https:// URL")
    if ":" in host:  # an IPv6 address
        host = f"[{host}]"
    netloc = host if port is None else f"{host}:{port}"
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def published_file_name(url: str) -> str:
    """The published file's name, as `release.json` records it: the URL's last segment."""
    name = urllib.parse.unquote(urllib.parse.urlsplit(url).path.rsplit("/", 1)[-1])
    return name if _SAFE_FILE_NAME.fullmatch(name) else _FALLBACK_FILE_NAME


@dataclass(frozen=True)
class _Answer:
    status: int
    """200 or 304."""
    url: str
    """Where the spec came from at last, after redirects."""
    body: bytes = b""
    validators: dict[str, str] = field(default_factory=dict)
    """`etag` and `last-modified`, as the server sent them."""


def _download(url: str, shown: str, headers: dict[str, str], timeout: float) -> _Answer:
    """A GET of the URL; raises FetchError unless the answer is 200 or 304."""
    try:
        with (
            httpx.Client(timeout=timeout, follow_redirects=True) as client,
            client.stream("GET", url, headers=headers) as response,
        ):
            if response.status_code == 304:
                return _Answer(304, str(response.url))
            if response.status_code != 200:
                raise FetchError(
                    f"{shown}: the server answered {response.status_code} "
                    f"{response.reason_phrase}; nothing was imported"
                )
            body = _read_limited(response, shown)
            validators = {
                name: response.headers[name]
                for name in ("etag", "last-modified")
                if name in response.headers
            }
            return _Answer(200, str(response.url), body, validators)
    except httpx.TimeoutException:
        raise FetchError(f"{shown}: no answer within {timeout:g} s; nothing was imported") from None
    except httpx.ConnectError as exc:
        raise FetchError(f"{shown}: cannot connect: {_reason(exc)}; nothing was imported") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{shown}: {_reason(exc)}; nothing was imported") from None
    except (httpx.InvalidURL, ValueError) as exc:  # a host no DNS name can be (`a..b`)
        raise FetchError(f"{shown}: not a usable URL ({exc}); nothing was imported") from None


def _read_limited(response: httpx.Response, shown: str) -> bytes:
    too_big = FetchError(
        f"{shown}: the answer is over the limit of {MAX_SPEC_BYTES:,} bytes for a spec"
    )
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_SPEC_BYTES:
        raise too_big
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_SPEC_BYTES:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)


def _reason(exc: httpx.HTTPError) -> str:
    """httpx's message, which names the cause (e.g. `[Errno 111] Connection refused`)."""
    return str(exc) or type(exc).__name__


def _conditional_headers(cached: dict[str, Any]) -> dict[str, str]:
    headers = {}
    if isinstance(etag := cached.get("etag"), str):
        headers["If-None-Match"] = etag
    if isinstance(modified := cached.get("last_modified"), str):
        headers["If-Modified-Since"] = modified
    return headers


def _cached_release(registry: Registry, api: str, cached: dict[str, Any]) -> Release | None:
    """The release the cached answer was filed as, if it is still filed as it was: only
    then may the server's "not modified" stand for it."""
    if cached.get("api") != api or not isinstance(cached.get("version"), str):
        return None
    try:
        release = registry.release(api, cached["version"])
    except RegistryError:
        return None
    return release if release.record.sha256 == cached.get("sha256") else None


def _read_cache(root: Path) -> dict[str, dict[str, Any]]:
    """The cache, or nothing when there is none or it cannot be read: it only saves work."""
    try:
        data = json.loads((root / CACHE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {url: entry for url, entry in data.items() if isinstance(entry, dict)}


def _remember(root: Path, shown: str, imported: Imported, validators: dict[str, str]) -> None:
    """Record the answer's validators for the release it was filed as, atomically."""
    entry: dict[str, Any] = {
        "api": imported.release.api,
        "version": imported.release.version,
        "sha256": imported.release.record.sha256,
    }
    if "etag" in validators:
        entry["etag"] = validators["etag"]
    if "last-modified" in validators:
        entry["last_modified"] = validators["last-modified"]
    with registry_lock(root):
        cache = _read_cache(root)
        if cache.get(shown) == entry:
            return
        cache[shown] = entry
        text = json.dumps(dict(sorted(cache.items())), indent=2, ensure_ascii=False) + "\n"
        # Under the lock no other writer uses the partial file's name.
        partial = root / f"{CACHE_FILE}.partial"
        try:
            partial.write_text(text, encoding="utf-8")
            partial.replace(root / CACHE_FILE)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
