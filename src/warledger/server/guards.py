"""The server's guards, as plain ASGI middleware: a cap on request bodies (413), a per-client rate
limit on the API (429), security headers on every response, and the write token (compared in
constant time). None of them ever answers with a traceback."""

from __future__ import annotations

import hmac
import json
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

WRITE_METHODS = frozenset(["POST", "PUT", "PATCH", "DELETE"])
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
        b"connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    ),
]


def token_matches(expected: str | None, given: str | None) -> bool:
    """Whether `given` is the server's write token; constant-time, and never true without one."""
    if not expected or given is None:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8", "surrogatepass"))


def bearer(headers: list[tuple[bytes, bytes]]) -> str | None:
    """The token of an `Authorization: Bearer TOKEN` (or `X-Warledger-Token: TOKEN`) header."""
    for name, value in headers:
        lowered = name.lower()
        text = value.decode("latin-1")
        if lowered == b"authorization" and text[:7].lower() == "bearer ":
            return text[7:].strip()
        if lowered == b"x-warledger-token":
            return text.strip()
    return None


async def send_json(send: Send, status: int, body: dict[str, Any], headers: list[Any]) -> None:
    payload = json.dumps(body).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


class BodyLimit:
    """Refuse request bodies over `max_bytes` with 413, by Content-Length or as they stream."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        message = {
            "error": f"request body larger than {self.max_bytes} bytes; send smaller files "
            "(the per-document limit is WARLEDGER_MAX_BYTES)"
        }
        for name, value in scope.get("headers", []):
            if name.lower() == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await send_json(send, 400, {"error": "Content-Length is not a number"}, [])
                    return
                if declared > self.max_bytes:
                    await send_json(send, 413, message, [(b"connection", b"close")])
                    return
        seen = 0
        too_large = False
        started = False

        async def counted() -> Message:
            nonlocal seen, too_large
            if too_large:
                return {"type": "http.disconnect"}
            got = await receive()
            if got["type"] == "http.request":
                seen += len(got.get("body", b""))
                if seen > self.max_bytes:
                    too_large = True
                    return {"type": "http.disconnect"}
            return got

        async def guarded(reply: Message) -> None:
            nonlocal started
            if too_large:
                if not started:
                    started = True
                    await send_json(send, 413, message, [(b"connection", b"close")])
                return
            started = started or reply["type"] == "http.response.start"
            await send(reply)

        await self.app(scope, counted, guarded)


@dataclass(frozen=True)
class RateLimit:
    """At most `requests` API requests per client in any `seconds`."""

    requests: int = 600
    seconds: float = 60.0


class RateLimiter:
    """A sliding-window limit per client address on paths under /api/; over it, 429 with
    Retry-After."""

    def __init__(self, app: ASGIApp, limit: RateLimit) -> None:
        self.app = app
        self.limit = limit
        self.calls: dict[str, deque[float]] = {}
        self.lock = threading.Lock()

    def _allow(self, client: str) -> float:
        """0 when the request may go on, else the seconds until it may."""
        now = time.monotonic()
        with self.lock:
            if len(self.calls) > 10_000:  # forget idle clients rather than grow without bound
                self.calls = {k: v for k, v in self.calls.items() if v and v[-1] > now - 60}
            window = self.calls.setdefault(client, deque())
            while window and window[0] <= now - self.limit.seconds:
                window.popleft()
            if len(window) >= self.limit.requests:
                return window[0] + self.limit.seconds - now
            window.append(now)
            return 0.0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("path", "").startswith("/api/"):
            client = (scope.get("client") or ("unknown", 0))[0]
            wait = self._allow(str(client))
            if wait > 0:
                seconds = max(1, int(wait + 0.999))
                await send_json(
                    send,
                    429,
                    {"error": f"too many requests; try again in {seconds} s"},
                    [(b"retry-after", str(seconds).encode())],
                )
                return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """nosniff, no framing, no referrer and a same-origin content policy on every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


class WriteToken:
    """Writes under /api/ (POST, PUT, PATCH, DELETE) need the token given at start: 401 without
    it or with a wrong one, before the body is read."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope.get("method") in WRITE_METHODS
            and scope.get("path", "").startswith("/api/")
            and not token_matches(self.token, bearer(scope.get("headers", [])))
        ):
            why = (
                "this server is read-only: start it with --token (or WARLEDGER_TOKEN) to allow writes"
                if not self.token
                else "writes need the server's token: send 'Authorization: Bearer TOKEN'"
            )
            await send_json(send, 401, {"error": why}, [(b"www-authenticate", b"Bearer")])
            return
        await self.app(scope, receive, send)
