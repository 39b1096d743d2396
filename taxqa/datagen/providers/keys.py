"""Provider settings: which SDK, model and endpoint, and the key (flags > environment > config file).

Keys come from OPENAI_API_KEY / ANTHROPIC_API_KEY or the user's config file
(taxqa.userconfig, outside the repo); they never appear in a repr, a log or an error.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from taxqa import userconfig
from taxqa.errors import UserError
from taxqa.userconfig import lookup, text_value

PROVIDERS = ("openai", "anthropic", "openai-compatible")
DEFAULT_MODELS = {"openai": "gpt-4o-mini", "anthropic": "claude-haiku-4-5"}
DUMMY_KEY = "sk-no-key-needed"  # local OpenAI-compatible servers accept any key


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


def config_section(config: dict[str, Any], provider: str, where: str = "config") -> dict[str, str | None]:
    """Our layout ({openai,anthropic,openai_compatible}: {api_key, model, base_url}) or, for OpenAI
    and Anthropic, the original's langmodel.API.{OpenAI,Claude}.{apikey,chat_model}; every value text."""
    ours = provider.replace("-", "_")
    original = "langmodel.API." + ("Claude" if provider == "anthropic" else "OpenAI")
    keys = {
        "api_key": (f"{ours}.api_key",) + ((f"{original}.apikey",) if provider != "openai-compatible" else ()),
        "model": (f"{ours}.model",) + ((f"{original}.chat_model",) if provider != "openai-compatible" else ()),
        "base_url": (f"{ours}.base_url",),
    }
    out: dict[str, str | None] = {}
    for name, dotted in keys.items():
        found = next((k for k in dotted if lookup(config, k) not in (None, "")), dotted[0])
        out[name] = text_value(lookup(config, found), f"{where}: {found}", secret=name == "api_key")
    return out


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
    section = config_section(
        userconfig.load_config_file(config_path), provider, str(userconfig.config_path(config_path))
    )
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
                f"no API key for {provider}: set {api_key_env or env} or put it in {userconfig.config_path(config_path)} "
                "(langmodel.API.{OpenAI,Claude}.apikey)"
            )
        model = model or section["model"] or DEFAULT_MODELS[provider]
        base_url = base_url or section["base_url"]
    if key != DUMMY_KEY:
        from taxqa import redaction

        redaction.register(key)  # never written to a file or printed, wherever it turns up
    return ProviderConfig(provider=provider, model=model, api_key=key, base_url=base_url, **options)
