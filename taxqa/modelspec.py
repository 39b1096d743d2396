"""`--model SPEC`: a local model (registry name, folder, hub id) or ``PROVIDER:MODEL[@BASE_URL]``.

Providers: ``openai`` (the OpenAI API, or any OpenAI-compatible server given ``@BASE_URL``:
vLLM, llama.cpp's server, mlx_lm.server), ``ollama`` and ``lmstudio`` (their local
OpenAI-compatible servers) and ``anthropic``. The model name may hold colons
(``ollama:gemma3:12b``) and slashes; the base URL starts at the last ``@http://`` or
``@https://``. A path that exists, a path-looking string (``./x``, ``/x``, ``~/x``) or a hub id
(``org/name``) is never read as a provider spec.

Keys never come from the spec or a flag: ``OPENAI_API_KEY`` for ``openai`` (without it, a server
named by ``@BASE_URL`` gets a placeholder: local servers need none), ``ANTHROPIC_API_KEY`` for
``anthropic`` (or the user's config file, through datagen's provider settings); Ollama and LM Studio
get a placeholder, never a real key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from taxqa.errors import UserError

PROVIDERS = ("openai", "ollama", "lmstudio", "anthropic")
DEFAULT_BASE_URLS = {"ollama": "http://127.0.0.1:11434/v1", "lmstudio": "http://127.0.0.1:1234/v1"}
KEY_ENV = {"openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY"}
_SPEC = re.compile(r"^(openai|ollama|lmstudio|anthropic):(.*)$")
_BASE_URL = re.compile(r"^(.*)@(https?://\S+)$")


@dataclass(frozen=True)
class ProviderSpec:
    spec: str  # as given
    provider: str  # one of PROVIDERS
    model: str  # the name the server knows
    base_url: str | None  # None: the provider's own API
    api_key: str = field(default="", repr=False, compare=False)

    @property
    def sdk(self) -> str:
        """The SDK that speaks to it: ``anthropic`` or ``openai`` (every other provider)."""
        return "anthropic" if self.provider == "anthropic" else "openai"

    @property
    def official_openai(self) -> bool:
        """The OpenAI API itself (which wants ``max_completion_tokens`` and prices its models)."""
        if self.provider != "openai":
            return False
        return self.base_url is None or (urlsplit(self.base_url).hostname or "").endswith("api.openai.com")

    @property
    def label(self) -> str:
        """What reports call it: provider and model (the base URL only when it is not the default)."""
        return f"{self.provider}:{self.model}"


def is_provider_spec(model: str | None) -> bool:
    """True for ``PROVIDER:MODEL[@URL]``; False for a registry name, an existing path or a hub id."""
    if not model or not isinstance(model, str) or not _SPEC.match(model):
        return False
    return not Path(model).expanduser().exists()


def parse_model_spec(spec: str, *, flag: str = "--model", need_key: bool = True) -> ProviderSpec | None:
    """The provider spec, or None for a local model; a malformed spec or a missing key is a UserError."""
    if not is_provider_spec(spec):
        return None
    provider, rest = _SPEC.match(spec).groups()
    base_url = None
    found = _BASE_URL.match(rest)
    if found:
        rest, base_url = found.groups()
        parts = urlsplit(base_url)
        if not parts.hostname:
            raise UserError(f"{flag} {spec}: the base URL after @ has no host (e.g. http://127.0.0.1:8080/v1)")
        if parts.username or parts.password:
            raise UserError(
                f"{flag} {provider}:...: put no credentials in the base URL; keys come from the environment"
            )
        base_url = base_url.rstrip("/")
    model = rest.strip()
    if not model:
        raise UserError(f"{flag} {spec}: no model name; expected {provider}:MODEL[@BASE_URL], e.g. {example(provider)}")
    if "@" in model and not found:
        raise UserError(f"{flag} {spec}: the base URL after @ must start with http:// or https://")
    base_url = base_url or DEFAULT_BASE_URLS.get(provider)
    key = resolve_key(provider, base_url, spec=spec, flag=flag, need=need_key)
    return ProviderSpec(spec, provider, model, base_url, key)


def resolve_key(provider: str, base_url: str | None, *, spec: str, flag: str, need: bool) -> str:
    """The key, through the provider layer's settings (environment, then the user's config file); a
    placeholder for servers that need none. ``OPENAI_API_KEY`` goes to a server named by ``@BASE_URL``
    only with the ``openai`` provider (the user named both); Ollama and LM Studio never get it."""
    from taxqa.datagen.providers import resolve_provider

    if not need:
        return ""
    try:
        if provider in ("ollama", "lmstudio"):
            return resolve_provider("openai-compatible", "m", base_url).api_key
        if provider == "openai" and base_url is not None:
            return resolve_provider("openai-compatible", "m", base_url, api_key_env="OPENAI_API_KEY").api_key
        return resolve_provider(provider, "m", base_url).api_key
    except UserError as exc:
        raise UserError(f"{flag} {spec}: {exc}") from None


def example(provider: str) -> str:
    return {
        "openai": "openai:gpt-4o-mini or openai:default_model@http://127.0.0.1:8080/v1",
        "ollama": "ollama:gemma3:12b",
        "lmstudio": "lmstudio:google/gemma-3-12b",
        "anthropic": "anthropic:claude-sonnet-4-5",
    }[provider]
