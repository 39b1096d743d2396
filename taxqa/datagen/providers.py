"""LLM providers through the official SDKs: OpenAI (and any OpenAI-compatible endpoint via
base_url) and Anthropic. Keys, prices, retries and the one JSON reply shape.

Keys come from OPENAI_API_KEY / ANTHROPIC_API_KEY or a config file outside the
repo; they are never logged, written or put in an exception message (every error
text passes through ``redact``).
"""

from __future__ import annotations

import email.utils
import json
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from taxqa.errors import UserError

PROVIDERS = ("openai", "anthropic", "openai-compatible")
DEFAULT_MODELS = {"openai": "gpt-4o-mini", "anthropic": "claude-haiku-4-5"}
DEFAULT_CONFIG = Path("~/.config/taxqa/config.yaml")
DUMMY_KEY = "sk-no-key-needed"  # local OpenAI-compatible servers accept any key

# USD per 1M tokens (input, output); the longest matching prefix wins.
PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1-nano": (0.10, 0.40),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1": (2.00, 8.00),
    "gpt-5-nano": (0.05, 0.40),
    "gpt-5-mini": (0.25, 2.00),
    "gpt-5": (1.25, 10.00),
    "o4-mini": (1.10, 4.40),
    "o3": (2.00, 8.00),
    "claude-3-haiku": (0.25, 1.25),
    "claude-3-5-haiku": (0.80, 4.00),
    "claude-haiku-4-5": (1.00, 5.00),
    "claude-3-5-sonnet": (3.00, 15.00),
    "claude-3-7-sonnet": (3.00, 15.00),
    "claude-sonnet-4": (3.00, 15.00),
    "claude-opus-4-5": (5.00, 25.00),
    "claude-opus-4": (15.00, 75.00),  # also the conservative guess for later opus-4 versions
}

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

_KEY_PATTERNS = re.compile(r"(sk-ant-[A-Za-z0-9_\-]{6,}|sk-[A-Za-z0-9_\-]{8,}|Bearer\s+[A-Za-z0-9_\-.]{8,})")


def redact(text: str, secrets: tuple[str, ...] = ()) -> str:
    """Remove keys (the ones we hold and anything shaped like one) from a message."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "***")
    return _KEY_PATTERNS.sub("***", text)


@dataclass(frozen=True)
class Usage:
    input_tokens: int = 0
    output_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(self.input_tokens + other.input_tokens, self.output_tokens + other.output_tokens)


@dataclass(frozen=True)
class Price:
    input_per_m: float
    output_per_m: float

    def cost(self, usage: Usage) -> float:
        return (usage.input_tokens * self.input_per_m + usage.output_tokens * self.output_per_m) / 1e6


def price_for(provider: str, model: str, override: str | None = None) -> Price | None:
    """The model's price; None when unknown (local endpoints cost nothing)."""
    if override:
        try:
            inp, out = (float(x) for x in override.split(","))
        except ValueError:
            raise UserError(
                f"--price {override!r}: expected INPUT,OUTPUT in USD per 1M tokens, e.g. 0.15,0.6"
            ) from None
        return Price(inp, out)
    if provider == "openai-compatible":
        return Price(0.0, 0.0)
    name = model.lower().split("/")[-1]
    best = max((p for p in PRICES if name.startswith(p)), key=len, default=None)
    return Price(*PRICES[best]) if best else None


class RetryableError(Exception):
    """A failure worth another try: 429, 5xx, timeout, dropped connection, unreadable reply."""

    def __init__(self, message: str, retry_after: float | None = None, usage: Usage = Usage()):
        super().__init__(message)
        self.retry_after = retry_after
        self.usage = usage


class FatalProviderError(UserError):
    """A failure no retry fixes (bad key, unknown model, bad request): stops the run."""


@dataclass
class ProviderConfig:
    provider: str
    model: str
    api_key: str = field(repr=False)
    base_url: str | None = None
    timeout: float = 120.0
    max_tokens: int = 2048
    temperature: float | None = None  # None: the model's default (newer models reject others)
    json_mode: bool = True


def load_config_file(path: str | os.PathLike | None) -> dict[str, Any]:
    """The YAML config (explicit path, or ~/.config/taxqa/config.yaml when it exists)."""
    explicit = path is not None
    cfg_path = Path(path or os.environ.get("TAXQA_CONFIG") or DEFAULT_CONFIG).expanduser()
    if not cfg_path.exists():
        if explicit:
            raise UserError(f"--config {cfg_path}: no such file")
        return {}
    try:
        data = yaml.safe_load(cfg_path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise UserError(f"{cfg_path}{where}: not valid YAML") from None
    if not isinstance(data, dict):
        raise UserError(f"{cfg_path}: expected a YAML mapping")
    if any((p / ".git").exists() for p in cfg_path.resolve().parents):
        print(f"warning: {cfg_path} is inside a git checkout; keep API keys outside the repo", file=sys.stderr)
    return data


def _config_section(config: dict[str, Any], provider: str) -> dict[str, Any]:
    """Our layout ({openai,anthropic,openai_compatible}: {api_key, model, base_url}) or, for OpenAI
    and Anthropic, the original's langmodel.API.{OpenAI,Claude}.{apikey,chat_model}."""

    def mapping(value: Any) -> dict[str, Any]:
        return value if isinstance(value, dict) else {}

    ours = mapping(config.get(provider.replace("-", "_")))
    original: dict[str, Any] = {}
    if provider != "openai-compatible":
        api = mapping(mapping(config.get("langmodel")).get("API"))
        original = mapping(api.get("Claude" if provider == "anthropic" else "OpenAI"))
    return {
        "api_key": ours.get("api_key") or original.get("apikey"),
        "model": ours.get("model") or original.get("chat_model"),
        "base_url": ours.get("base_url"),
    }


def resolve_provider(
    provider: str,
    model: str | None = None,
    base_url: str | None = None,
    config_path: str | None = None,
    api_key_env: str | None = None,
    **options: Any,
) -> ProviderConfig:
    """Provider settings from flags, environment and the config file (in that order)."""
    if provider not in PROVIDERS:
        raise UserError(f"--provider {provider!r}: expected one of {', '.join(PROVIDERS)}")
    section = _config_section(load_config_file(config_path), provider)
    if provider == "openai-compatible":
        base_url = base_url or section["base_url"]
        if not base_url:
            raise UserError("--provider openai-compatible needs --base-url, e.g. http://127.0.0.1:8080/v1")
        # Never send the real OpenAI key to another endpoint unless asked to.
        key = os.environ.get(api_key_env, "") if api_key_env else ""
        key = key or DUMMY_KEY
        model = model or section["model"]
        if not model:
            raise UserError("--provider openai-compatible needs --model (the name the server serves)")
    else:
        env = "ANTHROPIC_API_KEY" if provider == "anthropic" else "OPENAI_API_KEY"
        key = os.environ.get(api_key_env or env) or section["api_key"]
        if not key:
            raise UserError(
                f"no API key for {provider}: set {api_key_env or env} or put it in {DEFAULT_CONFIG} "
                "(langmodel.API.{OpenAI,Claude}.apikey)"
            )
        model = model or section["model"] or DEFAULT_MODELS[provider]
        base_url = base_url or section["base_url"]
    return ProviderConfig(provider=provider, model=model, api_key=key, base_url=base_url, **options)


@dataclass
class Reply:
    payload: Any  # parsed JSON (tool input or text)
    usage: Usage
    text: str = ""


def retry_after_seconds(headers: Any) -> float | None:
    """Retry-After (seconds or an HTTP date) or retry-after-ms, as seconds."""
    if headers is None:
        return None
    value = headers.get("retry-after-ms")
    if value:
        try:
            return float(value) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        return max(0.0, parsed.timestamp() - time.time()) if parsed else None


def parse_json_reply(text: str) -> Any:
    """JSON from a model's text: plain, fenced, with a preamble, trailing commas or missing closers."""
    text = text.strip()
    fence = re.search(r"```(?:json|JSON)?\s*\n?(.*?)(?:```|$)", text, re.S)
    if fence:
        text = fence.group(1).strip()
    start = min((i for i in (text.find("{"), text.find("[")) if i >= 0), default=-1)
    if start < 0:
        raise ValueError("no JSON object in the reply")
    text = text[start:]
    try:
        return json.JSONDecoder().raw_decode(text)[0]  # ignores prose after the object
    except json.JSONDecodeError:
        pass
    return json.loads(_close_json(text))


def _close_json(text: str) -> str:
    """Drop trailing commas and close the brackets a cut-off reply left open.

    A reply cut inside a string or right after a key is not repaired: its last
    value would be silently truncated, so the caller asks again.
    """
    stack: list[str] = []
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "{[":
            stack.append("}" if ch == "{" else "]")
        elif ch in "}]" and stack:
            stack.pop()
    body = text.rstrip()
    if in_string or body.endswith(":"):
        raise ValueError("the reply was cut off inside a value")
    body = re.sub(r",\s*([}\]])", r"\1", body).rstrip().rstrip(",")
    return body + "".join(reversed(stack))


class ChatProvider:
    """One SDK client; ``ask`` returns the parsed JSON reply or raises Retryable/Fatal errors."""

    def __init__(self, config: ProviderConfig):
        self.config = config
        self._secrets = (config.api_key,)
        if config.provider == "anthropic":
            import anthropic

            self._sdk = anthropic
            self.client = anthropic.AsyncAnthropic(
                api_key=config.api_key, base_url=config.base_url, timeout=config.timeout, max_retries=0
            )
        else:
            import openai

            self._sdk = openai
            self.client = openai.AsyncOpenAI(
                api_key=config.api_key, base_url=config.base_url, timeout=config.timeout, max_retries=0
            )

    async def close(self) -> None:
        await self.client.close()

    def _error(self, exc: Exception) -> Exception:
        sdk = self._sdk
        message = redact(f"{type(exc).__name__}: {exc}", self._secrets)
        if isinstance(exc, sdk.APIStatusError):
            status = exc.status_code
            if status in (408, 409, 429) or status >= 500:
                return RetryableError(message, retry_after_seconds(exc.response.headers))
            hint = " (check the API key)" if status in (401, 403) else ""
            return FatalProviderError(f"{self.config.provider} rejected the request{hint}: {message}")
        if isinstance(exc, (sdk.APIConnectionError, sdk.APIResponseValidationError, ValueError)):
            return RetryableError(message)
        return exc

    async def ask(self, system: str, user: str) -> Reply:
        try:
            if self.config.provider == "anthropic":
                return await self._ask_anthropic(system, user)
            return await self._ask_openai(system, user)
        except (RetryableError, FatalProviderError):
            raise
        except Exception as exc:  # noqa: BLE001 - classified, key-free, re-raised
            err = self._error(exc)
            if err is exc:
                raise
            raise err from None

    async def _ask_openai(self, system: str, user: str) -> Reply:
        cfg = self.config
        kwargs: dict[str, Any] = {
            "model": cfg.model,
            "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
        }
        # OpenAI's own API wants max_completion_tokens (reasoning models refuse max_tokens);
        # local OpenAI-compatible servers know max_tokens.
        kwargs["max_completion_tokens" if cfg.provider == "openai" else "max_tokens"] = cfg.max_tokens
        if cfg.temperature is not None:
            kwargs["temperature"] = cfg.temperature
        if cfg.json_mode:
            kwargs["response_format"] = {"type": "json_object"}
        try:
            response = await self.client.chat.completions.create(**kwargs)
        except self._sdk.BadRequestError as exc:
            if cfg.json_mode and "response_format" in str(exc):
                cfg.json_mode = False  # the endpoint has no JSON mode: ask in prose, parse tolerantly
                raise RetryableError("endpoint has no JSON mode; retrying without it", retry_after=0) from None
            raise
        if not hasattr(response, "choices"):
            raise RetryableError(f"unreadable reply: {str(response)[:80]!r}")
        usage = Usage(
            getattr(response.usage, "prompt_tokens", 0) or 0, getattr(response.usage, "completion_tokens", 0) or 0
        )
        text = (response.choices[0].message.content or "") if response.choices else ""
        return self._parsed(text, usage)

    async def _ask_anthropic(self, system: str, user: str) -> Reply:
        cfg = self.config
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
        response = await self.client.messages.create(**kwargs)
        if not hasattr(response, "content"):
            raise RetryableError(f"unreadable reply: {str(response)[:80]!r}")
        usage = Usage(response.usage.input_tokens or 0, response.usage.output_tokens or 0)
        for block in response.content:
            if getattr(block, "type", "") == "tool_use" and isinstance(block.input, dict):
                return Reply(block.input, usage, json.dumps(block.input, ensure_ascii=False))
        text = "".join(getattr(b, "text", "") for b in response.content)
        return self._parsed(text, usage)

    def _parsed(self, text: str, usage: Usage) -> Reply:
        try:
            return Reply(parse_json_reply(text), usage, text)
        except ValueError as exc:
            raise RetryableError(f"reply is not JSON ({exc}): {text[:60]!r}", usage=usage) from None
