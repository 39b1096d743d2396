"""One request through the official anthropic SDK (a forced tool call carries the JSON reply)."""

from __future__ import annotations

import json
from typing import Any

from taxqa.datagen.providers.errors import RetryableError
from taxqa.datagen.providers.keys import ProviderConfig
from taxqa.datagen.providers.prices import Usage

QA_TOOL = {
    "name": "submit_qa",
    "description": "생성한 질문-답변 쌍을 제출합니다.",
    "input_schema": {
        "type": "object",
        "properties": {
            "qa": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "type": {"type": "string", "enum": ["teacher", "student", "calc"]},
                        "question": {"type": "string"},
                        "answer": {"type": "string"},
                        "citations": {"type": "array", "items": {"type": "string"}},
                    },
                    "required": ["type", "question", "answer", "citations"],
                },
            }
        },
        "required": ["qa"],
    },
}


def make_client(config: ProviderConfig):
    import anthropic

    return anthropic, anthropic.AsyncAnthropic(
        api_key=config.api_key, base_url=config.base_url, timeout=config.timeout, max_retries=0
    )


async def ask_anthropic(client, cfg: ProviderConfig, system: str, user: str) -> tuple[Any, str, Usage]:
    """(tool input or None, reply text, usage); an unreadable reply is a RetryableError."""
    kwargs: dict[str, Any] = {
        "model": cfg.model,
        "system": system,
        "messages": [{"role": "user", "content": user}],
        "max_tokens": cfg.max_tokens,
    }
    if cfg.temperature is not None:
        kwargs["extra_body"] = {"temperature": cfg.temperature}
    if cfg.json_mode:
        kwargs["tools"] = [QA_TOOL]
        kwargs["tool_choice"] = {"type": "tool", "name": QA_TOOL["name"]}
    response = await client.messages.create(**kwargs)
    content = getattr(response, "content", None)
    if not isinstance(content, list):
        raise RetryableError(f"unreadable reply: {str(response)!r}")
    raw_usage = getattr(response, "usage", None)
    usage = Usage(getattr(raw_usage, "input_tokens", 0) or 0, getattr(raw_usage, "output_tokens", 0) or 0)
    for block in content:
        if getattr(block, "type", "") == "tool_use" and isinstance(getattr(block, "input", None), dict):
            return block.input, json.dumps(block.input, ensure_ascii=False), usage
    text = "".join(t for b in content if isinstance(t := getattr(b, "text", ""), str))
    return None, text, usage
