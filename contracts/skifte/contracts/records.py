"""The records a run knows the environment holds, and what each request path must find.

A 404 is the honest answer for an id nobody has, so a contract run cannot fault it
in general. It can for a record the environment itself showed the run (a 201's
`Location`, an item of a 2xx answer, a 2xx at the record's own URL) that the run has
not deleted since: there a 404 means the operation is missing or the record was lost.
`known_record_available` (hooks/checks.py) asks this module which record a request needs.

Records are known by their URL path, not by id alone: an estate's id and a claim's id
that are both known still name no record together unless the claim was seen there.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from skifte.api.paths import ends_in_parameter, is_parameter, join, segments

TOTAL_COUNT = "X-Total-Count"

if TYPE_CHECKING:  # loaded inside schemathesis by the hooks, which need no model of the API
    from skifte.api import Api, Operation


@dataclass(frozen=True)
class PathIndex:
    """What the hooks need to know of the release's paths, read off the model of the API
    (the hooks, inside schemathesis, load no model): records, and paged answers."""

    readers: frozenset[str]
    """Path templates with a GET: where a record can be looked at."""
    collections: frozenset[tuple[str, str]]
    """(method, template) of operations on a collection under a record (a path ending in a
    literal): creates, searches and actions (POST), lists (GET answering an array). Such a
    collection exists while its record does. Other literal endings (a liquidator's
    statement, a file's content) are singletons that may not exist yet."""
    items: dict[str, str]
    """Collection template → the path parameter naming its items (`kravId`)."""
    counted: frozenset[tuple[str, str, str]] = frozenset()
    """(method, template, status) of the answers that declare X-Total-Count: clients page
    by it."""

    @classmethod
    def from_api(cls, api: Api) -> PathIndex:
        templates = {_template(op.path) for op in api.operations}
        items: dict[str, str] = {}
        for template in sorted(templates):
            parts = segments(template)
            for i, segment in enumerate(parts):
                if i > 0 and is_parameter(segment):
                    items.setdefault(join(parts[:i]), segment[1:-1])
        return cls(
            readers=frozenset(_template(op.path) for op in api.operations if op.method == "GET"),
            collections=frozenset(
                (op.method, _template(op.path))
                for op in api.operations
                if not ends_in_parameter(op.path) and _acts_on_collection(op)
            ),
            items=items,
            counted=frozenset(
                (op.method, _template(op.path), response.status)
                for op in api.operations
                for response in op.responses
                if response.header(TOTAL_COUNT)
            ),
        )

    def counts(self, method: str, template: str, status: int) -> bool:
        """Whether the answer with this status declares X-Total-Count."""
        return (method.upper(), _template(template), str(status)) in self.counted

    def write(self, path: Path) -> None:
        data = {
            "readers": sorted(self.readers),
            "collections": sorted(self.collections),
            "items": self.items,
            "counted": sorted(self.counted),
        }
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")

    @classmethod
    def read(cls, path: Path) -> PathIndex:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            readers=frozenset(data["readers"]),
            collections=frozenset((m, t) for m, t in data["collections"]),
            items=dict(data["items"]),
            counted=frozenset((m, t, s) for m, t, s in data["counted"]),
        )


@dataclass(frozen=True)
class KnownRecord:
    path: str
    """The record's URL path, e.g. /doedsbojournaler/<id>."""
    template: str
    """Its path template, e.g. /doedsbojournaler/{doedsbojournalId}."""
    created: bool
    """This run created it (its 201 named it in `Location`)."""
    is_target: bool
    """The request was sent to the record's own URL, not to a collection under it."""


@dataclass(frozen=True)
class KnownCollection:
    path: str
    """The listing's URL path, e.g. /doedsbojournaler/<id>/forespoergsler."""
    template: str
    owner: KnownRecord
    """The known record it hangs under."""


class KnownRecords:
    """URL paths of records the environment showed this run, less those the run deleted."""

    def __init__(self, index: PathIndex) -> None:
        self.index = index
        self._known: dict[str, bool] = {}
        """URL path → created by this run."""
        self._lock = threading.Lock()

    def note_answer(
        self,
        method: str,
        template: str,
        url_path: str,
        status: int,
        body: Any,
        location: str | None = None,
    ) -> None:
        """Learn from one answer: what a 2xx showed to exist, what a 2xx DELETE removed."""
        if not 200 <= status < 300:
            return
        path = _normal(url_path)
        if method.upper() == "DELETE":
            self.forget(path)
            return
        found: dict[str, bool] = {}
        if ends_in_parameter(template):
            found[path] = False
        item = self.index.items.get(_template(template))
        if item is not None:
            for entry in body if isinstance(body, list) else [body]:
                value = entry.get(item) if isinstance(entry, dict) else None
                if isinstance(value, str | int) and not isinstance(value, bool) and str(value):
                    found[_normal(f"{path}/{value}")] = False
        if status == 201 and location:
            found[_normal(location)] = True
        with self._lock:
            for known, created in found.items():
                self._known[known] = self._known.get(known, False) or created

    def record_behind(self, method: str, template: str, url_path: str) -> KnownRecord | None:
        """The known record a request must find, or None when a 404 there proves nothing.

        A path ending in a parameter needs that record; a collection under a record
        needs the record; a singleton under a record may simply not exist yet.
        """
        parts = segments(template)
        last = max((i for i, s in enumerate(parts) if is_parameter(s)), default=None)
        if last is None:
            return None
        is_target = last == len(parts) - 1
        if not is_target and (method.upper(), _template(template)) not in self.index.collections:
            return None
        sent = _filling(parts, url_path)
        if sent is None:
            return None
        path = join(sent[: len(sent) - len(parts) + last + 1])
        created = self._created(path)
        if created is None:
            return None
        return KnownRecord(path, join(parts[: last + 1]), created, is_target)

    def collection_above(self, template: str, url_path: str) -> KnownCollection | None:
        """For a request to an item the run was never shown (`…/forespoergsler/<id>`): its
        collection's listing, when the release has one, under a record the run knows.

        A 404 for such an item is honest, unless the listing itself answers 404 while its
        record is there: then the environment has no such collection, and no item of it
        can be found, so the operation is missing.
        """
        parts = segments(template)
        if len(parts) < 3 or is_parameter(parts[-2]):
            return None
        if not (is_parameter(parts[-1]) and is_parameter(parts[-3])):
            return None
        listing = join(parts[:-1])
        if ("GET", listing) not in self.index.collections:
            return None
        sent = _filling(parts, url_path)
        if sent is None:
            return None
        owner = join(sent[: len(sent) - 2])
        created = self._created(owner)
        if created is None:
            return None
        return KnownCollection(
            path=join(sent[: len(sent) - 1]),
            template=listing,
            owner=KnownRecord(owner, join(parts[:-2]), created, is_target=False),
        )

    def _created(self, path: str) -> bool | None:
        """Whether this run created the known record at `path`; None: not known."""
        with self._lock:
            return self._known.get(path)

    def forget(self, url_path: str) -> None:
        """A deleted record is gone, and so is everything under it."""
        path = _normal(url_path)
        with self._lock:
            for known in [k for k in self._known if k == path or k.startswith(path + "/")]:
                del self._known[known]


def _filling(parts: list[str], url_path: str) -> list[str] | None:
    """The URL path's segments, when its end fills the template `parts` (a base path may
    come before); None when it does not."""
    sent = segments(_normal(url_path))
    base = len(sent) - len(parts)
    if base < 0 or any(
        not is_parameter(t) and t != s for t, s in zip(parts, sent[base:], strict=True)
    ):
        return None
    return sent


def _acts_on_collection(op: Operation) -> bool:
    if op.method == "POST":
        return True
    answers_array = any(
        m.schema is not None and "array" in m.schema.types
        for r in op.success_responses
        for m in r.content
        if m.is_json
    )
    return op.method == "GET" and answers_array


def _template(path: str) -> str:
    return join(segments(path))


def _normal(url_path: str) -> str:
    """One spelling of a URL path: percent-escapes decoded, no trailing slash."""
    return join(unquote(s) for s in segments(url_path.split("?", 1)[0]))
