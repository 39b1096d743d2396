"""A loopback LLM server for tests and benchmarks: the OpenAI chat-completions and the
Anthropic messages wire formats on 127.0.0.1, with injectable faults.

    with LLMServer(latency=0.3) as server:
        client = AsyncOpenAI(base_url=server.openai_base_url, api_key="x")
        server.inject("429", "500", "timeout", "truncated", "nonjson")  # the next five requests

Each request first takes a queued fault (if any), else answers after ``latency``
seconds. The answer's content comes from ``responder(api, body) -> dict`` (by
default a Q&A pair in the ``{"qa": [...]}`` shape, unique per prompt), written
as JSON text (OpenAI JSON mode), a fenced block with a preamble (no JSON mode,
to exercise tolerant parsing) or a ``tool_use`` block (Anthropic with tools).
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

FAULTS = ("429", "500", "503", "timeout", "truncated", "nonjson", "slow", "broken_json", "cut", "badsse", "stall")
_CITATION_RE = re.compile(r"([가-힣]+(?: [가-힣]+)*법(?: 시행령)? 제\d+조(?:의\d+)?)")


def default_responder(api: str, body: dict[str, Any]) -> dict[str, Any]:
    """A teacher and a student Q&A about the first citation in the prompt, unique per prompt."""
    prompt = _prompt_text(api, body)
    tag = hashlib.sha1(prompt.encode("utf-8")).hexdigest()[:8]
    match = _CITATION_RE.search(prompt)
    citation = match.group(1) if match else "상속세 및 증여세법 제53조"
    return {
        "qa": [
            {
                "type": "teacher",
                "question": f"{citation}에서 정한 요건과 효과는 무엇인가요? (사례 {tag})",
                "answer": f"{citation}에 따르면 해당 요건을 갖춘 경우 법에서 정한 효과가 발생합니다. ({citation})",
                "citations": [citation],
            },
            {
                "type": "student",
                "question": f"{citation}을 쉽게 설명해 주세요. (사례 {tag})",
                "answer": f"쉽게 말하면 {citation}은 이런 경우에 세금이 어떻게 되는지 정한 규정입니다.",
                "citations": [citation],
            },
        ]
    }


def _prompt_text(api: str, body: dict[str, Any]) -> str:
    parts = []
    if api == "anthropic" and isinstance(body.get("system"), str):
        parts.append(body["system"])
    for message in body.get("messages", []):
        content = message.get("content")
        if isinstance(content, str):
            parts.append(content)
        elif isinstance(content, list):
            parts += [c.get("text", "") for c in content if isinstance(c, dict)]
    return "\n".join(parts)


def _tokens(text: str) -> int:
    return max(1, len(text) // 2)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall
    server: _Server

    def log_message(self, *args: Any) -> None:  # keep test output quiet
        pass

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        if self.path.rstrip("/").endswith("/chat/completions"):
            api = "openai"
        elif self.path.rstrip("/").endswith("/messages"):
            api = "anthropic"
        else:
            self._send(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
            return
        try:
            body = json.loads(raw or b"{}")
        except json.JSONDecodeError:
            self._send(400, {"error": {"message": "request body is not JSON", "type": "invalid_request_error"}})
            return
        owner = self.server.owner
        fault = owner._record(api, body, {k.lower(): v for k, v in self.headers.items()})
        try:
            self._serve(owner, api, body, fault)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout fault)

    def _serve(self, owner: LLMServer, api: str, body: dict[str, Any], fault: str | None) -> None:
        if fault in ("429", "500", "503"):
            status = int(fault)
            kind = "rate_limit_error" if status == 429 else "api_error"
            headers = {"Retry-After": f"{owner.retry_after:g}"} if status == 429 else {}
            if api == "anthropic":
                payload = {"type": "error", "error": {"type": kind, "message": f"injected {status}"}}
            else:
                payload = {"error": {"message": f"injected {status}", "type": kind, "code": None}}
            self._send(status, payload, headers)
            return
        if fault == "timeout":
            time.sleep(owner.timeout_delay)
        elif fault == "slow":
            time.sleep(owner.slow_delay)
        if owner.latency:
            time.sleep(owner.latency)
        if fault == "nonjson":
            self._send_raw(200, b"<html><body>502 Bad Gateway (proxy)</body></html>", "application/json")
            return
        content = owner.responder(api, body)
        if body.get("stream"):
            (self._stream if api == "openai" else self._stream_anthropic)(body, content, fault)
            return
        data = self._completion(api, body, content, broken=fault == "broken_json")
        encoded = json.dumps(data, ensure_ascii=False).encode("utf-8")
        if fault == "truncated":
            # Promise the whole body, send half of it, hang up.
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(encoded)))
            self.end_headers()
            self.wfile.write(encoded[: len(encoded) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self._send_raw(200, encoded, "application/json")

    def _stream(self, body: dict[str, Any], content: dict[str, Any] | str, fault: str | None = None) -> None:
        """An OpenAI SSE stream of the answer in pieces of a few characters (a str answer is sent as is).

        Faults: ``cut`` hangs up after half the pieces, ``badsse`` sends an event that is not JSON
        there, ``stall`` stops sending for ``timeout_delay`` seconds there."""
        text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
        head = {"id": f"chatcmpl-{self.server.owner.count}", "object": "chat.completion.chunk", "created": 0}
        head["model"] = body.get("model", "fake-model")

        def event(choices: list, **more: Any) -> bytes:
            return f"data: {json.dumps({**head, 'choices': choices, **more}, ensure_ascii=False)}\n\n".encode()

        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        self.close_connection = True  # no Content-Length: the stream ends when the connection closes
        pieces = [text[i : i + 4] for i in range(0, len(text), 4)]
        self.wfile.write(event([{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}]))
        for i, piece in enumerate(pieces):
            if self._stream_fault(fault, i, len(pieces)):
                return
            self.wfile.write(event([{"index": 0, "delta": {"content": piece}, "finish_reason": None}]))
            self.wfile.flush()
        self.wfile.write(event([{"index": 0, "delta": {}, "finish_reason": "stop"}]))
        if (body.get("stream_options") or {}).get("include_usage"):
            prompt = _tokens(_prompt_text("openai", body))
            usage = {"prompt_tokens": prompt, "completion_tokens": len(pieces), "total_tokens": prompt + len(pieces)}
            self.wfile.write(event([], usage=usage))
        self.wfile.write(b"data: [DONE]\n\n")
        self.wfile.flush()

    def _stream_fault(self, fault: str | None, i: int, n: int) -> bool:
        """Apply a mid-stream fault at the middle piece; True when the stream must end here."""
        if fault not in ("cut", "badsse", "stall") or i != n // 2:
            return False
        if fault == "badsse":
            self.wfile.write(b'data: {"choices": [{"delta": {"content": \n\n')
        elif fault == "stall":
            self.wfile.flush()
            time.sleep(self.server.owner.timeout_delay)
            return False
        self.wfile.flush()
        return True

    def _stream_anthropic(self, body: dict[str, Any], content: dict[str, Any] | str, fault: str | None) -> None:
        """An Anthropic messages event stream of the answer (same faults as ``_stream``)."""
        text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
        owner = self.server.owner

        def event(kind: str, data: dict[str, Any]) -> bytes:
            return f"event: {kind}\ndata: {json.dumps({'type': kind, **data}, ensure_ascii=False)}\n\n".encode()

        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        self.close_connection = True
        prompt = _tokens(_prompt_text("anthropic", body))
        message = {"id": f"msg_{owner.count}", "type": "message", "role": "assistant", "content": [],
                   "model": body.get("model", "fake-model"), "stop_reason": None, "stop_sequence": None,
                   "usage": {"input_tokens": prompt, "output_tokens": 0}}  # fmt: skip
        self.wfile.write(event("message_start", {"message": message}))
        block = {"type": "text", "text": ""}
        self.wfile.write(event("content_block_start", {"index": 0, "content_block": block}))
        pieces = [text[i : i + 4] for i in range(0, len(text), 4)]
        for i, piece in enumerate(pieces):
            if self._stream_fault(fault, i, len(pieces)):
                return
            delta = {"index": 0, "delta": {"type": "text_delta", "text": piece}}
            self.wfile.write(event("content_block_delta", delta))
            self.wfile.flush()
        self.wfile.write(event("content_block_stop", {"index": 0}))
        done = {"delta": {"stop_reason": "end_turn", "stop_sequence": None}, "usage": {"output_tokens": len(pieces)}}
        self.wfile.write(event("message_delta", done))
        self.wfile.write(event("message_stop", {}))
        self.wfile.flush()

    def _completion(self, api: str, body: dict[str, Any], content: dict[str, Any], broken: bool) -> dict[str, Any]:
        text = json.dumps(content, ensure_ascii=False)
        if broken:
            # What weak local models write: fenced, a trailing comma, the closing braces missing.
            text = "다음은 요청하신 JSON입니다.\n```json\n" + text[:-2].rstrip("}]") + ",\n"
        prompt_tokens = _tokens(_prompt_text(api, body))
        model = body.get("model", "fake-model")
        if api == "openai":
            json_mode = (body.get("response_format") or {}).get("type") in ("json_object", "json_schema")
            if not json_mode and not broken:
                text = f"요청하신 문답입니다.\n```json\n{json.dumps(content, ensure_ascii=False, indent=1)}\n```"
            return {
                "id": f"chatcmpl-{self.server.owner.count}",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": model,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                "usage": {
                    "prompt_tokens": prompt_tokens,
                    "completion_tokens": _tokens(text),
                    "total_tokens": prompt_tokens + _tokens(text),
                },
            }
        tools = body.get("tools") or []
        if tools and not broken:
            blocks = [
                {
                    "type": "tool_use",
                    "id": f"toolu_{self.server.owner.count}",
                    "name": tools[0]["name"],
                    "input": content,
                }
            ]
            stop = "tool_use"
        else:
            blocks = [{"type": "text", "text": text}]
            stop = "end_turn"
        return {
            "id": f"msg_{self.server.owner.count}",
            "type": "message",
            "role": "assistant",
            "model": model,
            "content": blocks,
            "stop_reason": stop,
            "stop_sequence": None,
            "usage": {"input_tokens": prompt_tokens, "output_tokens": _tokens(text)},
        }

    def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        self._send_raw(status, json.dumps(payload).encode("utf-8"), "application/json", headers)

    def _send_raw(self, status: int, data: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256
    owner: LLMServer


class LLMServer:
    """Loopback OpenAI + Anthropic server in a background thread on a random port."""

    def __init__(
        self,
        latency: float = 0.0,
        responder: Callable[[str, dict[str, Any]], dict[str, Any]] = default_responder,
        retry_after: float = 0.05,
        timeout_delay: float = 2.0,
        slow_delay: float = 0.5,
    ):
        self.latency = latency
        self.responder = responder
        self.retry_after = retry_after
        self.timeout_delay = timeout_delay
        self.slow_delay = slow_delay
        self.requests: list[dict[str, Any]] = []  # {"api", "body", "headers", "fault", "time"}
        self.count = 0
        self._faults: deque[str] = deque()
        self._fault_every: dict[str, int] = {}
        self._lock = threading.Lock()
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    def inject(self, *faults: str) -> None:
        """Queue faults for the next requests, in order (one fault per request)."""
        unknown = [f for f in faults if f not in FAULTS]
        if unknown:
            raise ValueError(f"unknown faults {unknown}; expected some of {FAULTS}")
        with self._lock:
            self._faults.extend(faults)

    def fault_every(self, fault: str, n: int) -> None:
        """Also fail every n-th request with ``fault`` (0 turns it off)."""
        if fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}")
        with self._lock:
            self._fault_every[fault] = n

    def _record(self, api: str, body: dict[str, Any], headers: dict[str, str]) -> str | None:
        with self._lock:
            self.count += 1
            fault = self._faults.popleft() if self._faults else None
            if fault is None:
                fault = next((f for f, n in self._fault_every.items() if n and self.count % n == 0), None)
            self.requests.append({"api": api, "body": body, "headers": headers, "fault": fault, "time": time.time()})
            return fault

    @property
    def url(self) -> str:
        assert self._httpd is not None, "server not started"
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def openai_base_url(self) -> str:
        return self.url + "/v1"

    @property
    def anthropic_base_url(self) -> str:
        return self.url

    def start(self) -> LLMServer:
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="llm-server", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> LLMServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main() -> None:
    """Run the server in the foreground (for trying a generator by hand)."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.3)
    args = parser.parse_args()
    with LLMServer(latency=args.latency) as server:
        print(f"OpenAI base URL {server.openai_base_url}, Anthropic base URL {server.anthropic_base_url}", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
