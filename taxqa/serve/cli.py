"""`taxqa serve`: the OpenAI-compatible API and web chat on a local model or an upstream server.

taxqa serve --model NAME_OR_PATH [--adapter-path DIR] [--backend {auto,mlx,torch}]
            [--host 127.0.0.1] [--port 8000] [--api-key KEY] [--upstream URL]
taxqa serve --vllm-command --model BASE --adapter-path TRAIN_OUTPUT [--gpus N]
"""

from __future__ import annotations

import argparse
import logging
import os
import socket
import sys
import threading
import time
from pathlib import Path

from taxqa.errors import UserError
from taxqa.serve.keys import API_KEY_ENV, add_listen_arguments, check_bind

UPSTREAM_KEY_ENV = "TAXQA_UPSTREAM_API_KEY"


def build_parser(prog: str) -> argparse.ArgumentParser:
    from taxqa.runtime.backends import CHAT_BACKENDS

    p = argparse.ArgumentParser(
        prog=prog,
        description="Serve a tax model over the OpenAI chat-completions API (streaming SSE) with a web chat page at /. "
        "Answers are grounded in the retrieved articles and the calculator's result unless a request says "
        '"ground": false.',
    )
    p.add_argument(
        "--model",
        required=True,
        help="registry name, local model folder or hub id, or PROVIDER:MODEL[@BASE_URL] (openai, ollama, lmstudio, "
        "anthropic) (with --upstream: "
        "the model name the upstream serves, e.g. the vLLM --lora-modules name)",
    )
    p.add_argument("--adapter-path", help="LoRA adapter: MLX adapter folder (mlx) or PEFT adapter folder (torch)")
    p.add_argument(
        "--backend",
        choices=CHAT_BACKENDS,
        default="auto",
        help="auto (default: mlx where Metal is present, torch otherwise), mlx, or torch (transformers + "
        "peft; CUDA bf16 when a GPU is present, CPU float32 otherwise)",
    )
    add_listen_arguments(p, port=8000)
    p.add_argument(
        "--upstream",
        metavar="URL",
        help="send generation to this OpenAI-compatible server (vLLM, "
        f"mlx_lm.server, Ollama), e.g. http://127.0.0.1:8001/v1; its key from ${UPSTREAM_KEY_ENV}",
    )
    p.add_argument(
        "--served-model-name",
        help="the model id /v1/models lists and requests name (default: the model folder's name, or --model as given)",
    )
    p.add_argument(
        "--max-queue",
        type=int,
        default=32,
        help="requests that may wait for the model; past it: 503 with Retry-After (default 32)",
    )
    p.add_argument("--max-tokens-limit", type=int, default=4096, help="largest max_tokens a request may ask (4096)")
    p.add_argument("--default-max-tokens", type=int, default=512, help="max_tokens when a request gives none (512)")
    p.add_argument("--max-body-bytes", type=int, default=1_000_000, help="largest request body (default 1 MB)")
    p.add_argument("--ground-k", type=int, default=4, help="articles retrieved for grounding (default 4)")
    p.add_argument("--log-prompts", action="store_true", help="log questions and answers (off: only sizes and times)")
    p.add_argument(
        "--vllm-command",
        action="store_true",
        help="print the vLLM command that serves --model with the "
        "PEFT adapter in --adapter-path (a `taxqa train` output folder) and exit",
    )
    p.add_argument("--gpus", type=int, help="with --vllm-command: GPUs to use (default: the GPUs present)")
    return p


def check_args(args) -> None:
    check_bind(args.host, args.api_key)
    if not 0 <= args.port <= 65535:
        raise UserError(f"--port {args.port}: expected 0..65535")
    for name in ("max_queue", "max_tokens_limit", "default_max_tokens", "max_body_bytes", "ground_k"):
        if getattr(args, name) < 1:
            raise UserError(f"--{name.replace('_', '-')} {getattr(args, name)}: expected at least 1")
    if args.default_max_tokens > args.max_tokens_limit:
        raise UserError(f"--default-max-tokens {args.default_max_tokens}: above --max-tokens-limit")
    if args.upstream and not args.upstream.startswith(("http://", "https://")):
        raise UserError(f"--upstream {args.upstream}: expected an http(s):// URL of an OpenAI-compatible API")


def model_id(model: str) -> str:
    from taxqa.modelspec import parse_model_spec

    provider = parse_model_spec(model, need_key=False)
    if provider is not None:  # openai:name@url -> openai:name (the spec as given stays an alias)
        return provider.label
    path = Path(model).expanduser()
    return path.name if path.exists() else model


def provider_name(model: str) -> str | None:
    from taxqa.modelspec import parse_model_spec

    provider = parse_model_spec(model, need_key=False)
    return provider.provider if provider else None


def make_worker(args):
    """The generation side: an upstream client, or the model thread with the engine loaded."""
    from taxqa.serve.worker import LocalWorker, UpstreamWorker

    if args.upstream:
        return UpstreamWorker(args.upstream, args.model, os.environ.get(UPSTREAM_KEY_ENV), max_queue=args.max_queue)
    from taxqa.runtime.backends import chat_engine, resolve_backend

    backend = resolve_backend(args.backend, args.model, args.adapter_path)
    worker = LocalWorker(lambda: chat_engine(backend, args.model, args.adapter_path), max_queue=args.max_queue)
    worker.ready.wait()
    if worker.exception is not None:
        worker.close()
        if isinstance(worker.exception, UserError):
            raise worker.exception
        raise UserError(
            f"--model {args.model}: {backend} 백엔드로 모델을 불러오지 못했습니다 ({worker.error}). "
            f"힌트: {load_hint(backend)}"
        )
    return worker


def load_hint(backend: str) -> str:
    other = "torch" if backend == "mlx" else "mlx"
    return (
        f"모델 폴더(config.json, 가중치, 토크나이저)가 맞는지 확인하거나 --backend {other}로 실행해 보세요 "
        "(MLX 4비트 모델은 mlx, PEFT 어댑터는 torch)."
    )


def make_app(args, worker):
    from taxqa.runtime.backends import resolve_backend
    from taxqa.serve.app import ServeConfig, create_app

    config = ServeConfig(
        model_id=args.served_model_name or (args.model if args.upstream else model_id(args.model)),
        backend="upstream"
        if args.upstream
        else provider_name(args.model) or resolve_backend(args.backend, args.model, args.adapter_path),
        api_key=args.api_key,
        max_body_bytes=args.max_body_bytes,
        max_tokens_limit=args.max_tokens_limit,
        default_max_tokens=args.default_max_tokens,
        ground_k=args.ground_k,
        log_prompts=args.log_prompts,
        aliases=(args.model,),
    )
    return create_app(config, worker)


class PathOnly(logging.Filter):
    """uvicorn's access log without query strings (they may carry a key or a question)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str) and "?" in args[2]:
            record.args = (*args[:2], args[2].split("?", 1)[0], *args[3:])
        return True


def log_config() -> dict:
    """uvicorn's logging at INFO, its access log through :class:`PathOnly`."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["path_only"] = {"()": PathOnly}
    config["handlers"]["access"]["filters"] = ["path_only"]
    for logger in config["loggers"].values():
        logger["level"] = "INFO"
    return config


class BackgroundServer:
    """uvicorn on a loopback port in a thread (tests, benchmarks, embedding): ``.url``, ``.close()``."""

    def __init__(self, app, host: str = "127.0.0.1", port: int = 0):
        import uvicorn

        sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        self.port = sock.getsockname()[1]
        self.url = f"http://{host}:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        self._thread = threading.Thread(target=self.server.run, kwargs={"sockets": [sock]}, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the server did not start")
            time.sleep(0.01)

    def close(self) -> None:
        self.server.should_exit = True
        self._thread.join(10)


def main(argv: list[str] | None = None, prog: str = "taxqa serve") -> int:
    args = build_parser(prog).parse_args(argv)
    if args.vllm_command:
        from taxqa.serve.vllm import format_command, vllm_command

        if not args.adapter_path:
            raise UserError("--vllm-command needs --adapter-path (the `taxqa train` output folder)")
        print(format_command(vllm_command(args.model, args.adapter_path, gpus=args.gpus)))
        print(
            "# then, on the same pod: taxqa serve --upstream http://127.0.0.1:8001/v1 --model taxqa "
            f"--host 0.0.0.0 --port 8000  (with ${API_KEY_ENV} set)",
            file=sys.stderr,
        )
        return 0
    check_args(args)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    import uvicorn

    print(f"{prog}: loading {args.model} ...", file=sys.stderr)
    worker = make_worker(args)
    app = make_app(args, worker)
    where = f"http://{'[' + args.host + ']' if ':' in args.host else args.host}:{args.port}"
    print(f"{prog}: web chat {where}/  API {where}/v1  (auth: {'on' if args.api_key else 'off'})", file=sys.stderr)
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_config=log_config(), access_log=True)
    finally:
        worker.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
