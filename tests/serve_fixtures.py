"""What the serve tests share: the tiny model served over loopback (the ``served`` and ``client``
fixtures, one server per test module), ``ask`` and ``streamed``."""

from __future__ import annotations

import pytest

GIFT = "부모님께 5억원을 증여받으면 증여세는 얼마인가요?"
PLAIN = {"ground": False}  # most tests skip the grounding context: shorter prompts, faster tests


def serve_tiny(tiny_model, *flags: str):
    """(server, worker, args): `taxqa serve` of the tiny gemma3 model on the MLX engine, in a thread,
    with the extra command-line ``flags``; closed after the yield."""
    from taxqa.serve.cli import BackgroundServer, build_parser, make_app, make_worker

    args = build_parser("taxqa serve").parse_args(["--model", str(tiny_model("gemma3")), "--backend", "mlx", *flags])
    worker = make_worker(args)
    server = BackgroundServer(make_app(args, worker))
    yield server, worker, args
    server.close()
    worker.close()


@pytest.fixture(scope="module")
def served(tiny_model):
    """(server, worker, base args) for the tiny gemma3 model on the MLX engine, one per test module."""
    yield from serve_tiny(tiny_model, "--served-model-name", "gemma3", "--max-body-bytes", "100000")


@pytest.fixture
def client(served):
    import openai

    server, _, _ = served
    return openai.OpenAI(base_url=f"{server.url}/v1", api_key="unused", max_retries=0, timeout=60)


def ask(client, question="증여세가 무엇인가요?", **kw):
    kw.setdefault("max_tokens", 12)
    kw.setdefault("extra_body", PLAIN)
    return client.chat.completions.create(model="gemma3", messages=[{"role": "user", "content": question}], **kw)


def streamed(client, question="증여세가 무엇인가요?", **kw):
    kw.setdefault("max_tokens", 12)
    kw.setdefault("extra_body", PLAIN)
    chunks = list(
        client.chat.completions.create(
            model="gemma3",
            messages=[{"role": "user", "content": question}],
            stream=True,
            stream_options={"include_usage": True},
            **kw,
        )
    )
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    return text, chunks
