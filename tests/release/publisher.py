"""A local web server that publishes spec files as the programme does, for fetch tests.

Each file has a path, bytes and the validators a web server would send (`ETag`,
`Last-Modified`); it answers conditional requests with 304 when they match. A path can
instead answer with an error status, redirect, or hang (never answer, until the test
ends: a timeout that does not depend on how fast the machine is).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Published:
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    status: int = 200
    location: str | None = None
    """For a redirect (status 3xx)."""
    hang: bool = False


@dataclass
class Publisher:
    base_url: str = ""
    files: dict[str, Published] = field(default_factory=dict)
    requests: list[dict[str, str]] = field(default_factory=list)
    """The headers of every request, in order (lower-case names)."""
    release: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return self.base_url + path

    def publish(self, path: str, body: bytes, **details: object) -> str:
        self.files[path] = Published(body, **details)  # type: ignore[arg-type]
        return self.url(path)


def _handler(publisher: Publisher) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            publisher.requests.append({k.lower(): v for k, v in self.headers.items()})
            published = publisher.files.get(self.path.split("?")[0])
            if published is None:
                self.send_error(404)
                return
            if published.hang:
                publisher.release.wait()
                return
            if published.status != 200:
                self.send_response(published.status)
                if published.location:
                    self.send_header("Location", published.location)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if self._not_modified(published):
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(published.body)))
            if published.etag:
                self.send_header("ETag", published.etag)
            if published.last_modified:
                self.send_header("Last-Modified", published.last_modified)
            self.end_headers()
            self.wfile.write(published.body)

        def _not_modified(self, published: Published) -> bool:
            etag = self.headers.get("If-None-Match")
            if etag is not None and published.etag is not None:
                return etag == published.etag
            since = self.headers.get("If-Modified-Since")
            return since is not None and since == published.last_modified

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet: the tests read `requests`

    return Handler


@contextmanager
def running_publisher() -> Iterator[Publisher]:
    publisher = Publisher()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(publisher))
    server.daemon_threads = True
    publisher.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield publisher
    finally:
        publisher.release.set()
        server.shutdown()
        server.server_close()
        thread.join()
