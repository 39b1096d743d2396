"""The ASGI app (Starlette): the OpenAI chat-completions API, taxqa's grounding endpoint,
the health check and the web chat page.

Every bad request gets the OpenAI error shape; /v1 routes need ``Authorization: Bearer
KEY`` when the server has a key. A client that disconnects (while queued or while its
answer streams) cancels its generation.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from taxqa.serve.keys import key_problem
from taxqa.serve.schema import APIError, ChatRequest, GroundRequest, conversation, parse
from taxqa.serve.worker import Busy, Job, UpstreamError

STATIC = Path(__file__).resolve().parent / "static"
log = logging.getLogger("taxqa.serve")


@dataclass
class ServeConfig:
    model_id: str  # what /v1/models lists and requests must name
    backend: str  # mlx | torch | upstream
    api_key: str | None = None
    max_body_bytes: int = 1_000_000
    max_tokens_limit: int = 4096
    default_max_tokens: int = 512
    ground_k: int = 4
    log_prompts: bool = False
    aliases: tuple[str, ...] = ()  # other names accepted for the model (e.g. the path as given)


class ClientGone(Exception):
    pass


class Stream:
    """Chunks of one job, read by the request's task; the client's disconnect cancels the read.

    A watcher waits for ``http.disconnect``; when it comes it cancels the task reading the
    next chunk, which then raises ClientGone (closing the chunks cancels the generation).
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
            if hasattr(self.reader, "uncancel"):
                self.reader.uncancel()
            raise ClientGone from None
        finally:
            self.reader = None

    async def close(self) -> None:
        self.watch.cancel()
        await self.chunks.aclose()


def error_response(exc: APIError) -> JSONResponse:
    return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)


def usage(final) -> dict[str, Any]:
    prompt = final.prompt_tokens + final.cached_tokens
    return {
        "prompt_tokens": prompt,
        "completion_tokens": final.generation_tokens,
        "total_tokens": prompt + final.generation_tokens,
        "prompt_tokens_details": {"cached_tokens": final.cached_tokens},
    }


def finish_reason(final) -> str:
    return "length" if final.finish_reason == "length" else "stop"


def sse(data: dict[str, Any] | str) -> str:
    return f"data: {data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)}\n\n"


def create_app(config: ServeConfig, worker) -> Starlette:
    started = int(time.time())
    model_names = {config.model_id, *config.aliases}

    def authorize(request: Request) -> None:
        problem = key_problem(request.headers.get("authorization", ""), config.api_key)
        if problem:
            raise APIError(401, problem, code="invalid_api_key")

    async def read_json(request: Request) -> Any:
        limit = config.max_body_bytes
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > limit:
            raise APIError(413, f"request body is {length} bytes; the limit is {limit}", code="request_too_large")
        body = bytearray()
        async for piece in request.stream():
            body += piece
            if len(body) > limit:
                raise APIError(413, f"request body exceeds the limit of {limit} bytes", code="request_too_large")
        try:
            return json.loads(body)
        except ValueError as exc:
            raise APIError(400, f"request body is not valid JSON ({exc})") from None

    async def case_for(question: str, retrieve: bool = True):
        """The question read once (taxqa.case): its grounding and the figure check of the answer."""
        from taxqa.case import read_case

        return await asyncio.to_thread(read_case, question, k=config.ground_k, retrieve=retrieve)

    def log_done(rid: str, req: ChatRequest, question: str, answer: str, final, seconds: float, status: str) -> None:
        parts = [rid, status, f"stream={req.stream}", f"ground={req.ground}"]
        if final is not None:
            parts += [
                f"prompt={final.prompt_tokens + final.cached_tokens}",
                f"cached={final.cached_tokens}",
                f"completion={final.generation_tokens}",
                f"finish={final.finish_reason}",
                f"ttft={final.ttft:.3f}s",
            ]
        parts.append(f"total={seconds:.3f}s")
        if config.log_prompts:
            parts += [f"question={question!r}", f"answer={answer!r}"]
        log.info(" ".join(parts))

    # -- routes -----------------------------------------------------------------------------
    async def index(request: Request) -> Response:
        return FileResponse(STATIC / "index.html")

    async def health(request: Request) -> Response:
        status = worker.status()
        body = {
            "status": status,
            "model": config.model_id,
            "backend": config.backend,
            "waiting": worker.waiting,
            "auth": bool(config.api_key),
        }
        if getattr(worker, "finished", None) is not None:
            body["finished"] = dict(worker.finished)
        if worker.error:
            body["error"] = worker.error
        return JSONResponse(body, status_code=200 if status == "ok" else 503)

    async def models(request: Request) -> Response:
        authorize(request)
        entry = {"id": config.model_id, "object": "model", "created": started, "owned_by": "taxqa"}
        return JSONResponse({"object": "list", "data": [entry]})

    async def ground(request: Request) -> Response:
        authorize(request)
        req = parse(GroundRequest, await read_json(request))
        case = await case_for(req.question)
        body: dict[str, Any] = {"question": req.question, **case.grounding()}
        if req.answer is not None:
            body["check"] = await asyncio.to_thread(case.figure_check, req.answer)
        return JSONResponse(body)

    async def chat_completions(request: Request) -> Response:
        authorize(request)
        req = parse(ChatRequest, await read_json(request))
        if req.model not in model_names:
            raise APIError(
                404,
                f"model {req.model!r} does not exist; this server serves {config.model_id!r}",
                code="model_not_found",
            )
        max_tokens = req.max_completion_tokens or req.max_tokens or config.default_max_tokens
        if max_tokens > config.max_tokens_limit:
            raise APIError(400, f"max_tokens {max_tokens}: the limit is {config.max_tokens_limit}", param="max_tokens")
        system, history, question = conversation(req.messages)
        options = {"max_tokens": max_tokens, "temp": req.temperature, "top_p": req.top_p, "seed": req.seed}
        options["stop"] = req.stops()
        case = await case_for(question, retrieve=req.ground) if req.ground or req.return_grounding else None
        grounding = options["grounding"] = case.grounding() if req.ground else None
        job = Job(question, history, system, options)
        rid = f"chatcmpl-{uuid.uuid4().hex[:24]}"
        began = time.perf_counter()
        stream = Stream(request, worker.stream(job))
        try:
            first = await stream.next()
        except ClientGone:
            await stream.close()
            log_done(rid, req, question, "", None, time.perf_counter() - began, "disconnected-while-queued")
            return Response(status_code=499)
        except Busy as exc:
            await stream.close()
            error = APIError(503, "the model is busy: too many requests are waiting", type="server_error", code="busy")
            error.headers["Retry-After"] = str(exc.retry_after)
            raise error from None
        except UpstreamError as exc:
            await stream.close()
            raise APIError(502, str(exc), type="upstream_error", code="upstream_unavailable") from None
        except BaseException:
            await stream.close()
            raise
        extra = {"grounding": grounding} if req.return_grounding else None
        if req.stream:
            return StreamingResponse(
                stream_events(rid, req, question, stream, first, extra, began, case),
                media_type="text/event-stream",
                headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
            )
        return await complete(rid, req, question, stream, first, extra, began, case)

    async def complete(rid, req, question, stream: Stream, chunk, extra, began, case=None) -> Response:
        parts = []
        try:
            while chunk is not None:
                parts.append(chunk.text)
                if chunk.done:
                    break
                chunk = await stream.next()
        except ClientGone:
            log_done(rid, req, question, "".join(parts), None, time.perf_counter() - began, "disconnected")
            return Response(status_code=499)
        except UpstreamError as exc:
            raise APIError(502, str(exc), type="upstream_error", code="upstream_unavailable") from None
        finally:
            await stream.close()
        answer = "".join(parts)
        if chunk is None or chunk.finish_reason == "cancelled":
            raise APIError(503, "the generation was cancelled (server shutting down)", type="server_error")
        body = {
            "id": rid,
            "object": "chat.completion",
            "created": int(time.time()),
            "model": config.model_id,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": answer},
                    "finish_reason": finish_reason(chunk),
                    "logprobs": None,
                }
            ],
            "usage": usage(chunk),
            "system_fingerprint": None,
        }
        if extra is not None:
            body["taxqa"] = {**extra, "check": await asyncio.to_thread(case.figure_check, answer)}
        log_done(rid, req, question, answer, chunk, time.perf_counter() - began, "ok")
        return JSONResponse(body)

    async def stream_events(rid, req, question, stream: Stream, chunk, extra, began, case=None):
        created = int(time.time())

        head = {"id": rid, "object": "chat.completion.chunk", "created": created, "model": config.model_id}

        def event(delta: dict, finish: str | None = None, **more) -> str:
            choice = {"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}
            return sse({**head, "choices": [choice], **more})

        parts, status = [], "ok"
        try:
            first = {"taxqa": extra} if extra is not None else {}
            yield event({"role": "assistant", "content": ""}, **first)
            while chunk is not None:
                if chunk.text:
                    parts.append(chunk.text)
                    yield event({"content": chunk.text})
                if chunk.done:
                    break
                chunk = await stream.next()
            if chunk is None or chunk.finish_reason == "cancelled":
                status = "cancelled"
                yield sse({"error": {"message": "the generation was cancelled", "type": "server_error"}})
                return
            more = {}
            if extra is not None:
                more["taxqa"] = {"check": await asyncio.to_thread(case.figure_check, "".join(parts))}
            yield event({}, finish_reason(chunk), **more)
            if req.stream_options and req.stream_options.include_usage:
                yield sse({**head, "choices": [], "usage": usage(chunk)})
            yield sse("[DONE]")
        except ClientGone:
            status = "disconnected"
        except UpstreamError as exc:
            status = "upstream-error"
            yield sse({"error": {"message": str(exc), "type": "upstream_error", "code": "upstream_unavailable"}})
        except Exception as exc:
            status = "error"
            log.error("%s failed: %s", rid, type(exc).__name__)  # no message: it may quote the prompt
            yield sse({"error": {"message": f"generation failed: {type(exc).__name__}", "type": "server_error"}})
        finally:
            await stream.close()
            log_done(rid, req, question, "".join(parts), chunk, time.perf_counter() - began, status)

    # -- errors -----------------------------------------------------------------------------
    async def on_api_error(request: Request, exc: APIError) -> Response:
        return error_response(exc)

    async def on_http_error(request: Request, exc: HTTPException) -> Response:
        kind = "not_found" if exc.status_code == 404 else "invalid_request_error"
        message = f"{request.method} {request.url.path}: {exc.detail}"
        return error_response(APIError(exc.status_code, message, type=kind))

    async def on_error(request: Request, exc: Exception) -> Response:
        log.error("%s %s failed: %s", request.method, request.url.path, type(exc).__name__)
        return error_response(APIError(500, f"internal error: {type(exc).__name__}", type="server_error"))

    routes = [
        Route("/", index),
        Route("/health", health),
        Route("/v1/models", models),
        Route("/v1/chat/completions", chat_completions, methods=["POST"]),
        Route("/v1/taxqa/ground", ground, methods=["POST"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    handlers = {APIError: on_api_error, HTTPException: on_http_error, Exception: on_error}
    return Starlette(routes=routes, exception_handlers=handlers)
