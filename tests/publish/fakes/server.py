"""A local HTTP server to stand in for a social network, following that network's published contract.

Each network subclasses ``ContractServer`` and implements ``handle``: paths,
required headers, auth, payload checks, status codes and error bodies as the
network documents them. Tests can queue scripted answers (a 429 with
Retry-After, a 500, a hang for a timeout, a 401) that are served before the
contract logic, and read back every request received.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

from .clock import FakeClock


@dataclass
class Reply:
    status: int
    body: Any = None  # dict/list -> JSON, str/bytes -> as is, None -> empty
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Hang:
    """Hold the request without answering (until the server closes), so the client times out."""

    seconds: float = 5.0


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]  # lower-case names
    body: bytes
    query: dict[str, str] = field(default_factory=dict)  # the URL's query string, last value of each

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))

    def form(self) -> dict[str, str]:
        return {k: v[-1] for k, v in parse_qs(self.body.decode("utf-8"), keep_blank_values=True).items()}

    def bearer(self) -> str | None:
        value = self.header("Authorization") or ""
        return value[len("Bearer ") :] if value.startswith("Bearer ") else None


class ContractServer:
    """Runs on 127.0.0.1 on a free port, in a thread; use as a context manager."""

    def __init__(self, clock: FakeClock | None = None):
        self.clock = clock or FakeClock()
        self.requests: list[Request] = []
        self._script: deque[tuple[str | None, Reply | Hang]] = deque()
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None

    # --- scripting -------------------------------------------------------

    def queue(
        self, status: int, body: Any = None, headers: dict[str, str] | None = None, path: str | None = None
    ) -> None:
        """Answer the next request (to ``path``, if given) with this reply instead of the contract logic."""
        self._script.append((path, Reply(status, body, dict(headers or {}))))

    def hang(self, seconds: float = 5.0, path: str | None = None) -> None:
        self._script.append((path, Hang(seconds)))

    def _scripted(self, path: str) -> Reply | Hang | None:
        with self._lock:
            for i, (wanted, action) in enumerate(self._script):
                if wanted is None or wanted == path:
                    del self._script[i]
                    return action
        return None

    def handle(self, request: Request) -> Reply:  # each network overrides
        return Reply(404, {"error": "not found"})

    def requests_to(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]

    # --- running ---------------------------------------------------------

    @property
    def base_url(self) -> str:
        assert self._httpd is not None, "server not started"
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> ContractServer:
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        threading.Thread(target=self._httpd.serve_forever, args=(0.05,), name=type(self).__name__, daemon=True).start()
        return self

    def close(self) -> None:
        self._closing.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()

    def __enter__(self) -> ContractServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    def _serve(self, request: Request) -> Reply | None:
        with self._lock:
            self.requests.append(request)
        action = self._scripted(request.path)
        if isinstance(action, Hang):
            self._closing.wait(action.seconds)
            return None
        if isinstance(action, Reply):
            return action
        with self._lock:  # the contract logic keeps state (ids, counters): one request at a time
            return self.handle(request)


def _handler_for(server: ContractServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
            pass

        def _any(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            path, _, query = self.path.partition("?")
            headers = {k.lower(): v for k, v in self.headers.items()}
            params = {k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()}
            reply = server._serve(Request(self.command, path, headers, body, params))
            if reply is None:
                self.close_connection = True
                return
            self._write(reply)

        def _write(self, reply: Reply) -> None:
            if isinstance(reply.body, (dict, list)):
                payload = json.dumps(reply.body).encode("utf-8")
                content_type = "application/json; charset=utf-8"
            elif isinstance(reply.body, str):
                payload, content_type = reply.body.encode("utf-8"), "text/plain; charset=utf-8"
            else:
                payload, content_type = reply.body or b"", "application/octet-stream"
            self.send_response(reply.status)
            names = {k.lower() for k in reply.headers}
            if payload and "content-type" not in names:
                self.send_header("Content-Type", content_type)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_DELETE = _any

    return Handler


class RateWindow:
    """A fixed-window rate limit on the fake clock, as the networks describe theirs."""

    def __init__(self, clock: FakeClock, limit: int, seconds: float):
        self.clock, self.limit, self.seconds = clock, limit, seconds
        self._start = clock.epoch()
        self.used = 0

    def take(self) -> bool:
        """Count one request; False when the window is exhausted (the request gets a 429)."""
        if self.clock.epoch() >= self._start + self.seconds:
            self._start, self.used = self.clock.epoch(), 0
        if self.used >= self.limit:
            return False
        self.used += 1
        return True

    @property
    def remaining(self) -> int:
        return max(0, self.limit - self.used)

    @property
    def reset_epoch(self) -> int:
        return int(self._start + self.seconds)
