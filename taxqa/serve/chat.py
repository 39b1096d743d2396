"""`/v1/chat/completions`: one request turned into one job on the worker, answered whole (JSON)
or streamed (SSE), with the grounding in front of the question and the figure check after.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from taxqa.errors import UserError
from taxqa.serve.guard import ClientGone, Stream
from taxqa.serve.schema import (
    APIError,
    AssistantMessage,
    ChatCompletion,
    ChatCompletionChunk,
    ChatRequest,
    Choice,
    Delta,
    StreamChoice,
    Usage,
    conversation,
    sse,
)
from taxqa.serve.worker import Busy, Job, UpstreamError

log = logging.getLogger("taxqa.serve")


@dataclass
class Call:
    """One chat completion in flight: what was asked and what it needs for its response."""

    rid: str
    req: ChatRequest
    question: str
    model_id: str
    extra: dict[str, Any] | None  # {"grounding": ...} when the request asked for it back
    began: float
    case: Any = None  # the question's Case (taxqa.case), read once, when grounding or its check is asked
    log_prompts: bool = False

    def log_done(self, answer: str, final, status: str) -> None:
        parts = [self.rid, status, f"stream={self.req.stream}", f"ground={self.req.ground}"]
        if final is not None:
            parts += [f"prompt={final.prompt_tokens + final.cached_tokens}", f"cached={final.cached_tokens}"]
            parts += [f"completion={final.generation_tokens}", f"finish={final.finish_reason}"]
            parts.append(f"ttft={final.ttft:.3f}s")
        parts.append(f"total={time.perf_counter() - self.began:.3f}s")
        if self.log_prompts:
            parts += [f"question={self.question!r}", f"answer={answer!r}"]
        log.info(" ".join(parts))

    async def check(self, answer: str) -> dict | None:
        return await asyncio.to_thread(self.case.figure_check, answer)


def api_error(exc: BaseException) -> APIError:
    """What a client is told when the generation fails before its first chunk."""
    if isinstance(exc, Busy):
        error = APIError(503, "the model is busy: too many requests are waiting", type="server_error", code="busy")
        error.headers["Retry-After"] = str(exc.retry_after)
        return error
    if isinstance(exc, UpstreamError):
        log.warning("upstream failed: %s", exc.detail)
        return APIError(502, str(exc), type="upstream_error", code="upstream_unavailable")
    if isinstance(exc, UserError):  # e.g. the prompt does not fit the model's context
        return APIError(400, str(exc), param="messages")
    log.error("generation failed: %s", type(exc).__name__)  # no message: it may quote the prompt
    return APIError(500, f"generation failed: {type(exc).__name__}", type="server_error")


def job_of(req: ChatRequest, config) -> tuple[str, Job]:
    max_tokens = req.max_completion_tokens or req.max_tokens or config.default_max_tokens
    if max_tokens > config.max_tokens_limit:
        raise APIError(400, f"max_tokens {max_tokens}: the limit is {config.max_tokens_limit}", param="max_tokens")
    system, history, question = conversation(req.messages)
    options = {"max_tokens": max_tokens, "temp": req.temperature, "top_p": req.top_p, "seed": req.seed}
    options.update(stop=req.stops(), grounding=None)
    return question, Job(question, history, system, options)


async def serve_chat(request: Request, req: ChatRequest, config, worker, job: Job, case=None) -> Response:
    """Queue the job, wait for its first chunk (or the client leaving), then answer."""
    extra = {"grounding": job.options["grounding"]} if req.return_grounding else None
    call = Call(f"chatcmpl-{uuid.uuid4().hex[:24]}", req, job.question, config.model_id, extra, time.perf_counter())
    call.case, call.log_prompts = case, config.log_prompts
    stream = Stream(request, worker.stream(job))
    try:
        first = await stream.next()
    except ClientGone:
        await stream.close()
        call.log_done("", None, "disconnected-while-queued")
        return Response(status_code=499)
    except Exception as exc:
        await stream.close()
        raise api_error(exc) from None
    except BaseException:
        await stream.close()
        raise
    if req.stream:
        headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        return StreamingResponse(stream_events(call, stream, first), media_type="text/event-stream", headers=headers)
    return await complete(call, stream, first)


async def complete(call: Call, stream: Stream, chunk) -> Response:
    parts = []
    try:
        while chunk is not None:
            parts.append(chunk.text)
            if chunk.done:
                break
            chunk = await stream.next()
    except ClientGone:
        call.log_done("".join(parts), None, "disconnected")
        return Response(status_code=499)
    except Exception as exc:
        raise api_error(exc) from None
    finally:
        await stream.close()
    answer = "".join(parts)
    if chunk is None or chunk.finish_reason == "cancelled":
        raise APIError(503, "the generation was cancelled (server shutting down)", type="server_error")
    choice = Choice(message=AssistantMessage(content=answer), finish_reason=finish_reason(chunk))
    created = int(time.time())
    body = ChatCompletion(id=call.rid, created=created, model=call.model_id, choices=[choice], usage=Usage.of(chunk))
    if call.extra is not None:
        body.taxqa = {**call.extra, "check": await call.check(answer)}
    call.log_done(answer, chunk, "ok")
    return JSONResponse(body.body())


def finish_reason(final) -> str:
    return "length" if final.finish_reason == "length" else "stop"


async def stream_events(call: Call, stream: Stream, chunk):
    def event(delta: Delta, finish: str | None = None, **more) -> str:
        choice = StreamChoice(delta=delta, finish_reason=finish)
        return ChatCompletionChunk(id=call.rid, created=created, model=call.model_id, choices=[choice], **more).sse()

    created = int(time.time())
    parts, status = [], "ok"
    try:
        yield event(Delta(role="assistant", content=""), taxqa=call.extra)
        while chunk is not None:
            if chunk.text:
                parts.append(chunk.text)
                yield event(Delta(content=chunk.text))
            if chunk.done:
                break
            chunk = await stream.next()
        if chunk is None or chunk.finish_reason == "cancelled":
            status = "cancelled"
            yield sse({"error": {"message": "the generation was cancelled", "type": "server_error"}})
            return
        more = {"taxqa": {"check": await call.check("".join(parts))}} if call.extra is not None else {}
        yield event(Delta(), finish_reason(chunk), **more)
        if call.req.stream_options and call.req.stream_options.include_usage:
            yield ChatCompletionChunk(id=call.rid, created=created, model=call.model_id, usage=Usage.of(chunk)).sse()
        yield sse("[DONE]")
    except ClientGone:
        status = "disconnected"
    except Exception as exc:
        error = api_error(exc)
        status = "upstream-error" if error.status == 502 else "error"
        yield sse({"error": {"message": error.message, "type": error.type, "code": error.code}})
    finally:
        await stream.close()
        call.log_done("".join(parts), chunk, status)
