"""Calls every operation of a release once, in an order that makes each one succeed.

Creates first (their links tell which ids they make), then reads, lists and
updates, deletes last. Values come from the release's schemas, so the same
exercise works on any release.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import httpx

from skifte.api import Api, Operation
from skifte.testenv.values import synthesize

PDF = b"%PDF-1.4\n% fiktivt bilag til test\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _rank(op: Operation) -> tuple[int, int]:
    literal_tail = not op.path.rstrip("/").endswith("}")
    if op.method == "POST" and op.response("201") is not None:
        order = 0
    elif op.method in ("PUT", "PATCH") and literal_tail:
        order = 1
    elif op.method == "DELETE":
        order = 3
    else:
        order = 2
    depth = op.path.count("/")
    return order, -depth if order == 3 else depth


@dataclass
class Exercise:
    api: Api
    known: dict[str, str] = field(default_factory=dict)

    def operations(self) -> list[Operation]:
        return sorted(self.api.operations, key=lambda op: (*_rank(op), op.path, op.method))

    def discover(self, send: Callable[[httpx.Request], httpx.Response], http: httpx.Client) -> None:
        """Ids of court-owned records (estates, cases), from searches without path parameters."""
        for op in self.operations():
            if "{" in op.path or op.method not in ("GET", "POST"):
                continue
            response = send(self.request(http, op, minimal=True))
            if (
                response.status_code == 200
                and isinstance(response.json(), list)
                and response.json()
            ):
                first = response.json()[0]
                self.known.update(
                    {k: v for k, v in first.items() if k.endswith("Id") and isinstance(v, str)}
                )

    def request(self, http: httpx.Client, op: Operation, minimal: bool = False) -> httpx.Request:
        """The request for `op`; `minimal` sends only required body fields (a search for all)."""
        path = op.path
        headers: dict[str, str] = {}
        query: dict[str, str] = {}
        for param in op.parameters:
            value = self.known.get(param.name)
            if value is None and (param.required or param.location == "path"):
                value = str(synthesize(param.schema, f"param/{param.name}", param.name))
            if value is None:
                continue
            if param.location == "path":
                path = path.replace("{" + param.name + "}", value)
            elif param.location == "header":
                headers[param.name] = (
                    value if param.name != "Idempotency-Key" else f"{op.operation_id}-{id(self)}"
                )
            elif param.location == "query" and param.required:
                query[param.name] = value
        body = op.request_body
        if body is None:
            return http.build_request(op.method, path, headers=headers, params=query)
        media = body.content[0]
        if media.name.startswith("multipart/"):
            assert media.schema is not None
            data = {
                k: str(synthesize(s, f"form/{k}", k))
                for k, s in media.schema.properties.items()
                if s.format != "binary" and k in media.schema.required
            }
            return http.build_request(
                op.method,
                path,
                headers=headers,
                params=query,
                data=data,
                files={"fil": ("bilag.pdf", PDF, "application/pdf")},
            )
        payload = synthesize(media.schema, f"body/{op.operation_id}", "")
        if minimal and isinstance(payload, dict) and media.schema is not None:
            payload = {k: v for k, v in payload.items() if k in media.schema.required}
        return http.build_request(op.method, path, headers=headers, params=query, json=payload)

    def learn(self, op: Operation, response: httpx.Response) -> None:
        """Remember the ids a create made (through its links) for the operations after it."""
        created = op.response("201")
        if created is None or response.status_code != 201:
            return
        body = response.json()
        for link in created.links:
            for name, expression in link.parameters:
                if expression.startswith("$response.body#/"):
                    self.known[name] = str(body[expression.split("#/", 1)[1]])

    def run(
        self, send: Callable[[httpx.Request], httpx.Response], http: httpx.Client
    ) -> Iterator[tuple[Operation, httpx.Response]]:
        self.discover(send, http)
        for op in self.operations():
            response = send(self.request(http, op))
            self.learn(op, response)
            yield op, response
