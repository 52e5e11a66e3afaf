"""A local HTTP server that records every request and answers from a script.

For what a real Airflow will not do on demand: a chosen status or body, a hung socket, a reset
or truncated answer. It listens on 127.0.0.1 at a free port and runs in a background thread.
"""

from __future__ import annotations

import json
import socket
import ssl
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

__all__ = ["Recorded", "Reply", "RecordingServer"]


@dataclass(frozen=True)
class Recorded:
    """One request as the server received it."""

    method: str
    raw_path: str  # the path exactly as sent, percent-encoding intact
    query: list[tuple[str, str]]
    headers: dict[str, str]
    body: bytes

    @property
    def path(self) -> str:
        return unquote(self.raw_path)

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Reply:
    """One scripted answer. ``action`` misbehaves: "hang" (never answer), "drop" (close without
    answering), "reset" (reset the connection mid-body) or "truncate" (close it mid-body)."""

    status: int = 200
    json: Any = None
    body: bytes | str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    action: str | None = None

    def payload(self) -> bytes:
        if self.body is not None:
            return self.body.encode() if isinstance(self.body, str) else self.body
        return b"" if self.json is None else json.dumps(self.json).encode()


class RecordingServer:
    """Use as a context manager; ``url`` is ``http://127.0.0.1:<port>``. ``respond``, when given, answers each
    request from what it asked (a page by its ``offset``, say), in the request's own thread, instead of the
    script."""

    def __init__(
        self,
        default: Reply | None = None,
        tls: ssl.SSLContext | None = None,
        record: bool = True,
        respond: Callable[[Recorded], Reply] | None = None,
    ) -> None:
        self.respond = respond
        self.requests: list[Recorded] = []
        self.count = 0
        self.record = record  # False: only count requests (for soaks, where memory is measured)
        self.default = default or Reply(json={})
        self._script: deque[Reply] = deque()
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self.scheme = "http"
        if tls is not None:
            self._httpd.socket = tls.wrap_socket(self._httpd.socket, server_side=True)
            self.scheme = "https"
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,), daemon=True)

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self._httpd.server_address[1]}"

    def reply(self, *replies: Reply) -> RecordingServer:
        """Answer the next requests with these, in order; then with ``default``."""
        with self._lock:
            self._script.extend(replies)
        return self

    def __enter__(self) -> RecordingServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._closing.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def _next(self, recorded: Recorded) -> Reply:
        with self._lock:
            self.count += 1
            if self.record:
                self.requests.append(recorded)
            if self.respond is None:
                return self._script.popleft() if self._script else self.default
        return self.respond(recorded)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out as separate writes; don't wait 40 ms for an ACK

            def log_message(self, *args: Any) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                recorded = Recorded(
                    self.command, parts.path, parse_qsl(parts.query, keep_blank_values=True), dict(self.headers), body
                )
                reply = server._next(recorded)
                if reply.action in ("hang", "drop"):
                    if reply.action == "hang":
                        server._closing.wait(30)
                    self.close_connection = True
                    return
                payload = reply.payload()
                self.send_response(reply.status)
                headers = {"Content-Type": "application/json", **reply.headers}
                for name, value in headers.items():
                    self.send_header(name, value)
                if reply.action in ("reset", "truncate"):
                    self.send_header("Content-Length", str(len(payload) + 1000))
                    self.end_headers()
                    self.wfile.write(payload[: len(payload) // 2])
                    self.wfile.flush()
                    if reply.action == "reset":
                        self.connection.setsockopt(
                            socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
                        )
                    self.close_connection = True
                    return
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = do_HEAD = _handle

        return Handler
