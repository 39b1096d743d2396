"""What every /v1 request passes before a handler sees it, and the client's disconnect.

- ``guard``: a browser page from another site must not drive the model (an ``Origin`` that is
  not this server's is refused, and so is a POST whose body is not declared JSON: a cross-site
  ``text/plain`` form needs no preflight); then the API key when the server has one.
- ``read_json``: the one body decoder: size limit while reading, JSON that is too deep, a
  number too long, invalid UTF-8 or a lone surrogate are each a 400 naming the problem.
- ``Stream``: the chunks of one answer, read until the client hangs up (which cancels it).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any
from urllib.parse import urlsplit

from starlette.requests import Request

from taxqa.serve.keys import key_problem
from taxqa.serve.schema import APIError


def same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if origin is None:  # not a browser, or a same-origin GET/HEAD
        return True
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc.lower() == request.headers.get("host", "").lower()


def authorize(request: Request, api_key: str | None) -> None:
    problem = key_problem(request.headers.get("authorization", ""), api_key)  # the rules every server shares
    if problem:
        raise APIError(401, problem, code="invalid_api_key")


def guard(request: Request, api_key: str | None) -> None:
    if not same_origin(request):
        raise APIError(403, "cross-origin request refused: call the API from this server's page or a client")
    authorize(request, api_key)


def check_json_type(request: Request) -> None:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        raise APIError(415, f"Content-Type {kind or 'missing'}: expected application/json", code="unsupported_media")


def no_lone_surrogates(data: Any) -> None:
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise APIError(400, "request body has a lone surrogate (\\ud800-\\udfff): not valid Unicode text") from None


async def read_json(request: Request, limit: int) -> Any:
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limit:
        raise APIError(413, f"request body is {length} bytes; the limit is {limit}", code="request_too_large")
    body = bytearray()
    async for piece in request.stream():
        body += piece
        if len(body) > limit:
            raise APIError(413, f"request body exceeds the limit of {limit} bytes", code="request_too_large")
    check_json_type(request)
    try:
        data = json.loads(body)
    except RecursionError:
        raise APIError(400, "request body is not valid JSON (nested too deeply)") from None
    except ValueError as exc:  # bad JSON, bad UTF-8, a number of thousands of digits
        raise APIError(400, f"request body is not valid JSON ({str(exc)[:200]})") from None
    no_lone_surrogates(data)
    return data


class ClientGone(Exception):
    pass


class Stream:
    """Chunks of one job, read by the request's task; the client's disconnect cancels the read.

    A watcher waits for ``http.disconnect`` (vLLM's ``listen_for_disconnect``); when it comes it
    cancels the task reading the next chunk, which raises ClientGone (closing the chunks cancels
    the generation).
    """

    def __init__(self, request: Request, chunks):
        self.chunks = chunks
        self.gone = False
        self.reader: asyncio.Task | None = None
        self.watch = asyncio.ensure_future(self._watch(request.receive))

    async def _watch(self, receive) -> None:
        while (await receive())["type"] != "http.disconnect":
            pass
        self.gone = True
        if self.reader is not None:
            self.reader.cancel()

    async def next(self):
        """The next chunk, None at the end; ClientGone when the client has disconnected."""
        if self.gone:
            raise ClientGone
        self.reader = asyncio.current_task()
        try:
            return await anext(self.chunks, None)
        except asyncio.CancelledError:
            if not self.gone:
                raise
            self.reader.uncancel()
            raise ClientGone from None
        finally:
            self.reader = None

    async def close(self) -> None:
        self.watch.cancel()
        await self.chunks.aclose()
