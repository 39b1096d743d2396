"""LLM providers through the official SDKs: OpenAI (and any OpenAI-compatible endpoint via
base_url) and Anthropic.

prices.py   token usage and USD prices          keys.py       settings and keys (env > config file)
errors.py   Retryable/Fatal errors, redaction   jsonreply.py  JSON out of a model's text
openai_sdk.py, anthropic_sdk.py  one request each client.py  ChatProvider (classifies every failure)
streaming.py  streamed answers (sync clients) for provider models: `taxqa.runtime.remote`
Retries (with the server's Retry-After) are taxqa.retry's, driven by the engine.
"""

from taxqa.datagen.providers.anthropic_sdk import QA_TOOL
from taxqa.datagen.providers.client import ChatProvider, Reply
from taxqa.datagen.providers.errors import FatalProviderError, RetryableError, redact
from taxqa.datagen.providers.jsonreply import parse_json_reply
from taxqa.datagen.providers.keys import DEFAULT_MODELS, DUMMY_KEY, PROVIDERS, ProviderConfig, resolve_provider
from taxqa.datagen.providers.prices import PRICES, Price, Usage, price_for
from taxqa.datagen.providers.streaming import SamplingOptions, StreamEnd, classify, make_sync_client, stream_chat
from taxqa.retry import retry_after_seconds

__all__ = [
    "DEFAULT_MODELS",
    "DUMMY_KEY",
    "PRICES",
    "PROVIDERS",
    "QA_TOOL",
    "ChatProvider",
    "FatalProviderError",
    "Price",
    "ProviderConfig",
    "Reply",
    "RetryableError",
    "SamplingOptions",
    "StreamEnd",
    "Usage",
    "classify",
    "make_sync_client",
    "parse_json_reply",
    "price_for",
    "redact",
    "resolve_provider",
    "retry_after_seconds",
    "stream_chat",
]
